export const id = 688;
export const ids = [688];
export const modules = {

/***/ 57349:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var identity = __webpack_require__(41127);
var Scalar = __webpack_require__(63301);
var YAMLMap = __webpack_require__(84454);
var YAMLSeq = __webpack_require__(92223);
var resolveBlockMap = __webpack_require__(87103);
var resolveBlockSeq = __webpack_require__(90334);
var resolveFlowCollection = __webpack_require__(13142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 23683:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var Document = __webpack_require__(3021);
var composeNode = __webpack_require__(45937);
var resolveEnd = __webpack_require__(17788);
var resolveProps = __webpack_require__(34631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 45937:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var Alias = __webpack_require__(4065);
var identity = __webpack_require__(41127);
var composeCollection = __webpack_require__(57349);
var composeScalar = __webpack_require__(5413);
var resolveEnd = __webpack_require__(17788);
var utilEmptyScalarPosition = __webpack_require__(22599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var identity = __webpack_require__(41127);
var Scalar = __webpack_require__(63301);
var resolveBlockScalar = __webpack_require__(48913);
var resolveFlowScalar = __webpack_require__(76842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 89984:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var node_process = __webpack_require__(932);
var directives = __webpack_require__(61342);
var Document = __webpack_require__(3021);
var errors = __webpack_require__(91464);
var identity = __webpack_require__(41127);
var composeDoc = __webpack_require__(23683);
var resolveEnd = __webpack_require__(17788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 87103:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var Pair = __webpack_require__(57165);
var YAMLMap = __webpack_require__(84454);
var resolveProps = __webpack_require__(34631);
var utilContainsNewline = __webpack_require__(9499);
var utilFlowIndentCheck = __webpack_require__(74051);
var utilMapIncludes = __webpack_require__(81187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 48913:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var Scalar = __webpack_require__(63301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 90334:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var YAMLSeq = __webpack_require__(92223);
var resolveProps = __webpack_require__(34631);
var utilFlowIndentCheck = __webpack_require__(74051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 17788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 13142:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var identity = __webpack_require__(41127);
var Pair = __webpack_require__(57165);
var YAMLMap = __webpack_require__(84454);
var YAMLSeq = __webpack_require__(92223);
var resolveEnd = __webpack_require__(17788);
var resolveProps = __webpack_require__(34631);
var utilContainsNewline = __webpack_require__(9499);
var utilMapIncludes = __webpack_require__(81187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 76842:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var Scalar = __webpack_require__(63301);
var resolveEnd = __webpack_require__(17788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 34631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 22599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 74051:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var utilContainsNewline = __webpack_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 81187:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var identity = __webpack_require__(41127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var Alias = __webpack_require__(4065);
var Collection = __webpack_require__(40101);
var identity = __webpack_require__(41127);
var Pair = __webpack_require__(57165);
var toJS = __webpack_require__(74043);
var Schema = __webpack_require__(45840);
var stringifyDocument = __webpack_require__(6829);
var anchors = __webpack_require__(71596);
var applyReviver = __webpack_require__(83661);
var createNode = __webpack_require__(42404);
var directives = __webpack_require__(61342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 71596:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var identity = __webpack_require__(41127);
var visit = __webpack_require__(10204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 83661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 42404:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var Alias = __webpack_require__(4065);
var identity = __webpack_require__(41127);
var Scalar = __webpack_require__(63301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 61342:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var identity = __webpack_require__(41127);
var visit = __webpack_require__(10204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 91464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 38815:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var __webpack_unused_export__;


var composer = __webpack_require__(89984);
var Document = __webpack_require__(3021);
var Schema = __webpack_require__(45840);
var errors = __webpack_require__(91464);
var Alias = __webpack_require__(4065);
var identity = __webpack_require__(41127);
var Pair = __webpack_require__(57165);
var Scalar = __webpack_require__(63301);
var YAMLMap = __webpack_require__(84454);
var YAMLSeq = __webpack_require__(92223);
var cst = __webpack_require__(3461);
var lexer = __webpack_require__(40361);
var lineCounter = __webpack_require__(66628);
var parser = __webpack_require__(3456);
var publicApi = __webpack_require__(84047);
var visit = __webpack_require__(10204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
__webpack_unused_export__ = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 57249:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var node_process = __webpack_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var anchors = __webpack_require__(71596);
var visit = __webpack_require__(10204);
var identity = __webpack_require__(41127);
var Node = __webpack_require__(66673);
var toJS = __webpack_require__(74043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 40101:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var createNode = __webpack_require__(42404);
var identity = __webpack_require__(41127);
var Node = __webpack_require__(66673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 66673:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var applyReviver = __webpack_require__(83661);
var identity = __webpack_require__(41127);
var toJS = __webpack_require__(74043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 57165:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var createNode = __webpack_require__(42404);
var stringifyPair = __webpack_require__(59748);
var addPairToJSMap = __webpack_require__(97104);
var identity = __webpack_require__(41127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 63301:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var identity = __webpack_require__(41127);
var Node = __webpack_require__(66673);
var toJS = __webpack_require__(74043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 84454:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var stringifyCollection = __webpack_require__(61212);
var addPairToJSMap = __webpack_require__(97104);
var Collection = __webpack_require__(40101);
var identity = __webpack_require__(41127);
var Pair = __webpack_require__(57165);
var Scalar = __webpack_require__(63301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 92223:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var createNode = __webpack_require__(42404);
var stringifyCollection = __webpack_require__(61212);
var Collection = __webpack_require__(40101);
var identity = __webpack_require__(41127);
var Scalar = __webpack_require__(63301);
var toJS = __webpack_require__(74043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 97104:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var log = __webpack_require__(57249);
var merge = __webpack_require__(90452);
var stringify = __webpack_require__(2148);
var identity = __webpack_require__(41127);
var toJS = __webpack_require__(74043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 41127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 74043:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var identity = __webpack_require__(41127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 60110:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var resolveBlockScalar = __webpack_require__(48913);
var resolveFlowScalar = __webpack_require__(76842);
var errors = __webpack_require__(91464);
var stringifyString = __webpack_require__(83069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 91733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 97715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var cstScalar = __webpack_require__(60110);
var cstStringify = __webpack_require__(91733);
var cstVisit = __webpack_require__(97715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 40361:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var cst = __webpack_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 66628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var node_process = __webpack_require__(932);
var cst = __webpack_require__(3461);
var lexer = __webpack_require__(40361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 84047:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var composer = __webpack_require__(89984);
var Document = __webpack_require__(3021);
var errors = __webpack_require__(91464);
var log = __webpack_require__(57249);
var identity = __webpack_require__(41127);
var lineCounter = __webpack_require__(66628);
var parser = __webpack_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 45840:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var identity = __webpack_require__(41127);
var map = __webpack_require__(47451);
var seq = __webpack_require__(1706);
var string = __webpack_require__(66464);
var tags = __webpack_require__(90018);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 47451:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var identity = __webpack_require__(41127);
var YAMLMap = __webpack_require__(84454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 73632:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var Scalar = __webpack_require__(63301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var identity = __webpack_require__(41127);
var YAMLSeq = __webpack_require__(92223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 66464:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var stringifyString = __webpack_require__(83069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 73959:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var Scalar = __webpack_require__(63301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 38405:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var Scalar = __webpack_require__(63301);
var stringifyNumber = __webpack_require__(28689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 59874:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var stringifyNumber = __webpack_require__(28689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 70896:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var map = __webpack_require__(47451);
var _null = __webpack_require__(73632);
var seq = __webpack_require__(1706);
var string = __webpack_require__(66464);
var bool = __webpack_require__(73959);
var float = __webpack_require__(38405);
var int = __webpack_require__(59874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 33559:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var Scalar = __webpack_require__(63301);
var map = __webpack_require__(47451);
var seq = __webpack_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 90018:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var map = __webpack_require__(47451);
var _null = __webpack_require__(73632);
var seq = __webpack_require__(1706);
var string = __webpack_require__(66464);
var bool = __webpack_require__(73959);
var float = __webpack_require__(38405);
var int = __webpack_require__(59874);
var schema = __webpack_require__(70896);
var schema$1 = __webpack_require__(33559);
var binary = __webpack_require__(56083);
var merge = __webpack_require__(90452);
var omap = __webpack_require__(50303);
var pairs = __webpack_require__(18385);
var schema$2 = __webpack_require__(35913);
var set = __webpack_require__(81528);
var timestamp = __webpack_require__(46752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 56083:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var node_buffer = __webpack_require__(20181);
var Scalar = __webpack_require__(63301);
var stringifyString = __webpack_require__(83069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 88398:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var Scalar = __webpack_require__(63301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 35782:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var Scalar = __webpack_require__(63301);
var stringifyNumber = __webpack_require__(28689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 10873:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var stringifyNumber = __webpack_require__(28689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 90452:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var identity = __webpack_require__(41127);
var Scalar = __webpack_require__(63301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 50303:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var identity = __webpack_require__(41127);
var toJS = __webpack_require__(74043);
var YAMLMap = __webpack_require__(84454);
var YAMLSeq = __webpack_require__(92223);
var pairs = __webpack_require__(18385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 18385:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var identity = __webpack_require__(41127);
var Pair = __webpack_require__(57165);
var Scalar = __webpack_require__(63301);
var YAMLSeq = __webpack_require__(92223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 35913:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var map = __webpack_require__(47451);
var _null = __webpack_require__(73632);
var seq = __webpack_require__(1706);
var string = __webpack_require__(66464);
var binary = __webpack_require__(56083);
var bool = __webpack_require__(88398);
var float = __webpack_require__(35782);
var int = __webpack_require__(10873);
var merge = __webpack_require__(90452);
var omap = __webpack_require__(50303);
var pairs = __webpack_require__(18385);
var set = __webpack_require__(81528);
var timestamp = __webpack_require__(46752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 81528:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var identity = __webpack_require__(41127);
var Pair = __webpack_require__(57165);
var YAMLMap = __webpack_require__(84454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 46752:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var stringifyNumber = __webpack_require__(28689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 34475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var anchors = __webpack_require__(71596);
var identity = __webpack_require__(41127);
var stringifyComment = __webpack_require__(59799);
var stringifyString = __webpack_require__(83069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 61212:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var identity = __webpack_require__(41127);
var stringify = __webpack_require__(2148);
var stringifyComment = __webpack_require__(59799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 59799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var identity = __webpack_require__(41127);
var stringify = __webpack_require__(2148);
var stringifyComment = __webpack_require__(59799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 28689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 59748:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var identity = __webpack_require__(41127);
var Scalar = __webpack_require__(63301);
var stringify = __webpack_require__(2148);
var stringifyComment = __webpack_require__(59799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 83069:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var Scalar = __webpack_require__(63301);
var foldFlowLines = __webpack_require__(34475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 10204:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var identity = __webpack_require__(41127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ }),

/***/ 16766:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  kA: () => (/* reexport */ DomainDataState),
  s6: () => (/* binding */ WorkOSNode)
});

// UNUSED EXPORTS: ApiKeyRequiredException, AuthenticateWithSessionCookieFailureReason, AuthenticationException, AutoPaginatable, BadRequestException, ConflictException, ConnectedAccountAuthMethod, ConnectedAccountConnectionRole, ConnectedAccountInputState, ConnectedAccountState, ConnectionType, CookieSession, CreateConnectedAccountState, CreateDataIntegrationAuthMethods, CreateDataIntegrationOwnership, CreateOrganizationConnectedAccountState, CreateWebhookEndpointEvents, CustomProviderDefinitionAuthenticateVia, DataIntegrationAccessTokenResponseError, DataIntegrationAuthMethods, DataIntegrationCredentialType, DataIntegrationCredentialsInputType, DataIntegrationCredentialsResponseError, DataIntegrationCredentialsType, DataIntegrationCustomProviderAuthenticateVia, DataIntegrationInstallationConnectionRole, DataIntegrationOwnership, DataIntegrationState, DataIntegrationsCreateApiKeyConnectionRequestConnectionOwner, DataIntegrationsCreateClientCredentialsConnectionRequestConnectionOwner, DataIntegrationsGetDataIntegrationAuthorizeUrlRequestConnectionOwner, DataIntegrationsGetUserTokenRequestConnectionOwner, DataIntegrationsListResponseDataAuthMethods, DataIntegrationsListResponseDataConnectedAccountAuthMethod, DataIntegrationsListResponseDataConnectedAccountConnectionRole, DataIntegrationsListResponseDataConnectedAccountState, DataIntegrationsListResponseDataConnectionOwner, DataIntegrationsListResponseDataOwnership, DataIntegrationsUpsertApiKeyRequestConnectionOwner, DataIntegrationsUpsertClientCredentialsRequestConnectionOwner, DataIntegrationsVendCredentialsRequestConnectionOwner, FeatureFlagsRuntimeClient, GenerateLinkIntent, GenericServerException, ItContactIntent, NoApiKeyProvidedException, NotFoundException, OauthException, OrganizationConnectedAccountState, OrganizationDomainState, OrganizationDomainVerificationStrategy, PKCE, PipesOwnership, RadarListAction, RadarListType, RadarStandaloneAssessRequestAction, RadarStandaloneAssessRequestAuthMethod, RadarStandaloneResponseBlocklistType, RadarStandaloneResponseControl, RadarStandaloneResponseVerdict, RateLimitExceededException, RefreshSessionFailureReason, SignatureVerificationException, UnauthorizedException, UnprocessableEntityException, UpdateAuditLogsRetentionRetentionPeriod, UpdateCustomProviderDefinitionAuthenticateVia, UpdateWebhookEndpointEvents, UpdateWebhookEndpointStatus, UserOrganizationMembershipBaseListDataStatus, VaultOrder, WebhookEndpointStatus, WidgetSessionTokenScopes, createWorkOS, isAuthenticationErrorData, serializeRevokeSessionOptions

;// CONCATENATED MODULE: ./node_modules/@workos-inc/node/lib/factory-BbGPjwhL.mjs
//#region src/common/crypto/crypto-provider.ts
/**
* Interface encapsulating the various crypto computations used by the library,
* allowing pluggable underlying crypto implementations.
*/
var CryptoProvider = class {
	encoder = new TextEncoder();
};
//#endregion
//#region src/common/crypto/subtle-crypto-provider.ts
/**
* `CryptoProvider which uses the SubtleCrypto interface of the Web Crypto API.
*
* This only supports asynchronous operations.
*/
var SubtleCryptoProvider = class extends CryptoProvider {
	subtleCrypto;
	constructor(subtleCrypto) {
		super();
		this.subtleCrypto = subtleCrypto || crypto.subtle;
	}
	computeHMACSignature(_payload, _secret) {
		throw new Error("SubleCryptoProvider cannot be used in a synchronous context.");
	}
	/** @override */
	async computeHMACSignatureAsync(payload, secret) {
		const encoder = new TextEncoder();
		const key = await this.subtleCrypto.importKey("raw", encoder.encode(secret), {
			name: "HMAC",
			hash: { name: "SHA-256" }
		}, false, ["sign"]);
		const signatureBuffer = await this.subtleCrypto.sign("hmac", key, encoder.encode(payload));
		const signatureBytes = new Uint8Array(signatureBuffer);
		const signatureHexCodes = new Array(signatureBytes.length);
		for (let i = 0; i < signatureBytes.length; i++) signatureHexCodes[i] = byteHexMapping[signatureBytes[i]];
		return signatureHexCodes.join("");
	}
	/** @override */
	async secureCompare(stringA, stringB) {
		const bufferA = this.encoder.encode(stringA);
		const bufferB = this.encoder.encode(stringB);
		if (bufferA.length !== bufferB.length) return false;
		const algorithm = {
			name: "HMAC",
			hash: "SHA-256"
		};
		const key = await crypto.subtle.generateKey(algorithm, false, ["sign", "verify"]);
		const hmac = await crypto.subtle.sign(algorithm, key, bufferA);
		return await crypto.subtle.verify(algorithm, key, hmac, bufferB);
	}
	async encrypt(plaintext, key, iv, aad) {
		const actualIv = iv || crypto.getRandomValues(/* @__PURE__ */ new Uint8Array(32));
		const cryptoKey = await this.subtleCrypto.importKey("raw", key, { name: "AES-GCM" }, false, ["encrypt"]);
		const encryptParams = {
			name: "AES-GCM",
			iv: actualIv
		};
		if (aad) encryptParams.additionalData = aad;
		const encryptedData = await this.subtleCrypto.encrypt(encryptParams, cryptoKey, plaintext);
		const encryptedBytes = new Uint8Array(encryptedData);
		const tagStart = encryptedBytes.length - 16;
		const tag = encryptedBytes.slice(tagStart);
		return {
			ciphertext: encryptedBytes.slice(0, tagStart),
			iv: actualIv,
			tag
		};
	}
	async decrypt(ciphertext, key, iv, tag, aad) {
		const combinedData = new Uint8Array(ciphertext.length + tag.length);
		combinedData.set(ciphertext, 0);
		combinedData.set(tag, ciphertext.length);
		const cryptoKey = await this.subtleCrypto.importKey("raw", key, { name: "AES-GCM" }, false, ["decrypt"]);
		const decryptParams = {
			name: "AES-GCM",
			iv
		};
		if (aad) decryptParams.additionalData = aad;
		const decryptedData = await this.subtleCrypto.decrypt(decryptParams, cryptoKey, combinedData);
		return new Uint8Array(decryptedData);
	}
	randomBytes(length) {
		const bytes = new Uint8Array(length);
		crypto.getRandomValues(bytes);
		return bytes;
	}
	randomUUID() {
		if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
		const bytes = this.randomBytes(16);
		bytes[6] = bytes[6] & 15 | 64;
		bytes[8] = bytes[8] & 63 | 128;
		const hex = Array.from(bytes, (b) => byteHexMapping[b]).join("");
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
	}
};
const byteHexMapping = new Array(256);
for (let i = 0; i < byteHexMapping.length; i++) byteHexMapping[i] = i.toString(16).padStart(2, "0");
/**
* Upper bound on a server-provided `Retry-After` delay. Caps how long a
* single retry can sleep so an aggressive proxy or an HTTP-date far in the
* future can't hang the caller indefinitely.
*/
const MAXIMUM_RETRY_AFTER_TIME_IN_MILLISECONDS = 6e4;
var HttpClient = class HttpClient {
	baseURL;
	options;
	MAX_RETRY_ATTEMPTS;
	BACKOFF_MULTIPLIER = 1.5;
	MINIMUM_SLEEP_TIME_IN_MILLISECONDS = 500;
	MAXIMUM_SLEEP_TIME_IN_MILLISECONDS = 8e3;
	RETRY_STATUS_CODES = [
		408,
		429,
		500,
		502,
		503,
		504
	];
	constructor(baseURL, options) {
		this.baseURL = baseURL;
		this.options = options;
		this.MAX_RETRY_ATTEMPTS = options?.maxRetries ?? 3;
	}
	static getResourceURL(baseURL, path, params) {
		HttpClient.assertNoDotSegments(path);
		const queryString = HttpClient.getQueryString(params);
		return new URL([path, queryString].filter(Boolean).join("?"), baseURL).toString();
	}
	/**
	* Reject request paths that contain a single-dot or double-dot segment.
	*
	* SDK path templates never contain such segments themselves, but a
	* caller-supplied identifier interpolated with bare `encodeURIComponent`
	* (the form the generated modules use) passes `.` and `..` through
	* unchanged, and the WHATWG `URL` parser then collapses them, retargeting
	* the request to a different endpoint (for example
	* `/organizations/../api_keys` resolves to `/api_keys`). The parser also
	* treats the percent-encoded forms (`%2e`, case-insensitive) as dots, so
	* those are matched as well. Encoded values never trip this check because
	* `encodeURIComponent` turns `%` into `%25` and `/` into `%2F`, keeping
	* each identifier inside its own segment. Fail closed before any request
	* is built.
	*/
	static assertNoDotSegments(path) {
		const pathOnly = path.split(/[?#]/, 1)[0];
		for (const segment of pathOnly.split("/")) {
			const normalized = segment.replace(/%2e/gi, ".");
			if (normalized === "." || normalized === "..") throw new TypeError(`Invalid request path "${path}": a path segment must not be "." or "..".`);
		}
	}
	static getQueryString(queryObj) {
		if (!queryObj) return void 0;
		const sanitizedQueryObj = {};
		Object.entries(queryObj).forEach(([param, value]) => {
			if (value !== null && value !== void 0 && value !== "") sanitizedQueryObj[param] = value;
		});
		return new URLSearchParams(sanitizedQueryObj).toString();
	}
	static getContentTypeHeader(entity) {
		if (entity instanceof URLSearchParams) return { "Content-Type": "application/x-www-form-urlencoded;charset=utf-8" };
	}
	static getBody(entity) {
		if (entity === null || entity instanceof URLSearchParams) return entity;
		return JSON.stringify(entity);
	}
	/**
	* Generate a random idempotency key used to make retried write requests
	* safe. Mirrors the behavior of the other WorkOS SDKs (Kotlin, Go), which
	* attach an `Idempotency-Key` header to POST requests that did not already
	* specify one, so a retried request is not applied more than once.
	*/
	static generateIdempotencyKey() {
		return `retry-${globalThis.crypto.randomUUID()}`;
	}
	/**
	* Parse a `Retry-After` header value into milliseconds. Supports both the
	* delay-seconds form (e.g. `120`) and the HTTP-date form. The result is
	* capped at {@link MAXIMUM_RETRY_AFTER_TIME_IN_MILLISECONDS}. Returns
	* `null` when the value is absent or unparseable so the caller falls back
	* to the computed exponential backoff.
	*/
	static parseRetryAfter(headerValue) {
		if (headerValue == null) return null;
		const trimmed = headerValue.trim();
		if (trimmed === "") return null;
		if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1e3, MAXIMUM_RETRY_AFTER_TIME_IN_MILLISECONDS);
		const asDate = Date.parse(trimmed);
		if (!Number.isNaN(asDate)) {
			const delta = asDate - Date.now();
			return delta < 0 ? 0 : Math.min(delta, MAXIMUM_RETRY_AFTER_TIME_IN_MILLISECONDS);
		}
		return null;
	}
	getSleepTimeInMilliseconds(retryAttempt) {
		return Math.min(this.MINIMUM_SLEEP_TIME_IN_MILLISECONDS * Math.pow(this.BACKOFF_MULTIPLIER, retryAttempt), this.MAXIMUM_SLEEP_TIME_IN_MILLISECONDS) * (Math.random() + .5);
	}
	sleep = (retryAttempt, retryAfterMs) => new Promise((resolve) => setTimeout(resolve, retryAfterMs != null ? retryAfterMs : this.getSleepTimeInMilliseconds(retryAttempt)));
};
var HttpClientResponse = class {
	_statusCode;
	_headers;
	constructor(statusCode, headers) {
		this._statusCode = statusCode;
		this._headers = headers;
	}
	getStatusCode() {
		return this._statusCode;
	}
	getHeaders() {
		return this._headers;
	}
};
var HttpClientError = class extends Error {
	name = "HttpClientError";
	message = "The request could not be completed.";
	response;
	constructor({ message, response }) {
		super(message);
		this.message = message;
		this.response = response;
	}
};
//#endregion
//#region src/common/exceptions/parse-error.ts
var ParseError = class extends Error {
	name = "ParseError";
	status = 500;
	rawBody;
	rawStatus;
	requestID;
	rawHeaders;
	constructor({ message, rawBody, rawStatus, requestID, rawHeaders }) {
		super(message);
		this.rawBody = rawBody;
		this.rawStatus = rawStatus;
		this.requestID = requestID;
		this.rawHeaders = rawHeaders;
	}
};
//#endregion
//#region src/common/net/fetch-client.ts
const DEFAULT_FETCH_TIMEOUT = 6e4;
var FetchHttpClient = class FetchHttpClient extends HttpClient {
	baseURL;
	options;
	_fetchFn;
	constructor(baseURL, options, fetchFn) {
		super(baseURL, options);
		this.baseURL = baseURL;
		this.options = options;
		if (!fetchFn) {
			if (!globalThis.fetch) throw new Error("Fetch function not defined in the global scope and no replacement was provided.");
			fetchFn = globalThis.fetch;
		}
		this._fetchFn = fetchFn.bind(globalThis);
	}
	async get(path, options) {
		const resourceURL = HttpClient.getResourceURL(this.baseURL, path, options.params);
		return await this.fetchRequestWithRetry(resourceURL, "GET", null, options.headers, options.maxRetries);
	}
	async post(path, entity, options) {
		const resourceURL = HttpClient.getResourceURL(this.baseURL, path, options.params);
		return await this.fetchRequestWithRetry(resourceURL, "POST", HttpClient.getBody(entity), {
			...HttpClient.getContentTypeHeader(entity),
			...options.headers
		}, options.maxRetries);
	}
	async put(path, entity, options) {
		const resourceURL = HttpClient.getResourceURL(this.baseURL, path, options.params);
		return await this.fetchRequestWithRetry(resourceURL, "PUT", HttpClient.getBody(entity), {
			...HttpClient.getContentTypeHeader(entity),
			...options.headers
		}, options.maxRetries);
	}
	async patch(path, entity, options) {
		const resourceURL = HttpClient.getResourceURL(this.baseURL, path, options.params);
		return await this.fetchRequestWithRetry(resourceURL, "PATCH", HttpClient.getBody(entity), {
			...HttpClient.getContentTypeHeader(entity),
			...options.headers
		}, options.maxRetries);
	}
	async delete(path, options) {
		const resourceURL = HttpClient.getResourceURL(this.baseURL, path, options.params);
		return await this.fetchRequestWithRetry(resourceURL, "DELETE", null, options.headers, options.maxRetries);
	}
	async deleteWithBody(path, entity, options) {
		const resourceURL = HttpClient.getResourceURL(this.baseURL, path, options.params);
		return await this.fetchRequestWithRetry(resourceURL, "DELETE", HttpClient.getBody(entity), {
			...HttpClient.getContentTypeHeader(entity),
			...options.headers
		}, options.maxRetries);
	}
	async fetchRequest(url, method, body, headers) {
		const requestBody = body || (method === "POST" || method === "PUT" || method === "PATCH" ? "" : void 0);
		const { "User-Agent": userAgent } = this.options?.headers || {};
		const timeout = this.options?.timeout ?? DEFAULT_FETCH_TIMEOUT;
		const abortController = new AbortController();
		const timeoutId = setTimeout(() => {
			abortController.abort();
		}, timeout);
		const timeoutError = (responseHeaders) => new HttpClientError({
			message: `Request timeout after ${timeout}ms`,
			response: {
				status: 408,
				headers: responseHeaders ?? new Headers(),
				data: { error: "Request timeout" }
			}
		});
		let res;
		try {
			res = await this._fetchFn(url, {
				method,
				headers: {
					Accept: "application/json, text/plain, */*",
					"Content-Type": "application/json",
					...this.options?.headers,
					...headers,
					"User-Agent": (userAgent || "workos-node").toString()
				},
				body: requestBody,
				signal: abortController.signal
			});
			if (!res.ok) {
				const requestID = res.headers.get("X-Request-ID") ?? "";
				const rawBody = await res.text();
				clearTimeout(timeoutId);
				let responseJson;
				try {
					responseJson = JSON.parse(rawBody);
				} catch (error) {
					if (error instanceof SyntaxError) throw new ParseError({
						message: error.message,
						rawBody,
						requestID,
						rawStatus: res.status,
						rawHeaders: res.headers
					});
					throw error;
				}
				throw new HttpClientError({
					message: res.statusText,
					response: {
						status: res.status,
						headers: res.headers,
						data: responseJson
					}
				});
			}
			const response = res;
			const rawBody = (async () => {
				try {
					return await response.text();
				} catch (error) {
					throw abortController.signal.aborted ? timeoutError(response.headers) : error;
				} finally {
					clearTimeout(timeoutId);
				}
			})();
			rawBody.catch(() => void 0);
			return new FetchHttpClientResponse(res, rawBody);
		} catch (error) {
			clearTimeout(timeoutId);
			if (abortController.signal.aborted) throw timeoutError(res?.headers);
			throw error;
		}
	}
	async fetchRequestWithRetry(url, method, body, headers, maxRetries) {
		const maxRetryAttempts = maxRetries ?? this.MAX_RETRY_ATTEMPTS;
		const requestHeaders = FetchHttpClient.withIdempotencyKey(method, headers, maxRetryAttempts);
		let response;
		let retryAttempts = 1;
		const makeRequest = async () => {
			let requestError = null;
			try {
				response = await this.fetchRequest(url, method, body, requestHeaders);
			} catch (e) {
				requestError = e;
			}
			if (this.shouldRetryRequest(requestError, retryAttempts, maxRetryAttempts)) {
				retryAttempts++;
				await this.sleep(retryAttempts, FetchHttpClient.getRetryAfterMs(requestError));
				return makeRequest();
			}
			if (requestError != null) throw requestError;
			return response;
		};
		return makeRequest();
	}
	shouldRetryRequest(requestError, retryAttempt, maxRetryAttempts) {
		if (retryAttempt > maxRetryAttempts) return false;
		if (requestError != null) {
			if (requestError instanceof TypeError) return true;
			if (requestError instanceof HttpClientError && this.RETRY_STATUS_CODES.includes(requestError.response.status)) return true;
			if (requestError instanceof ParseError && this.RETRY_STATUS_CODES.includes(requestError.rawStatus)) return true;
		}
		return false;
	}
	static withIdempotencyKey(method, headers, maxRetryAttempts) {
		if (method !== "POST" || maxRetryAttempts <= 0 || FetchHttpClient.hasHeader(headers, "Idempotency-Key")) return headers;
		return {
			...headers,
			"Idempotency-Key": HttpClient.generateIdempotencyKey()
		};
	}
	static hasHeader(headers, name) {
		if (!headers) return false;
		const target = name.toLowerCase();
		return Object.keys(headers).some((key) => key.toLowerCase() === target);
	}
	static getRetryAfterMs(requestError) {
		let headers;
		if (requestError instanceof HttpClientError) headers = requestError.response?.headers;
		else if (requestError instanceof ParseError) headers = requestError.rawHeaders;
		else return null;
		let value;
		if (headers && typeof headers.get === "function") value = headers.get("Retry-After");
		else if (headers && typeof headers === "object") value = headers["Retry-After"] ?? headers["retry-after"];
		return HttpClient.parseRetryAfter(value);
	}
};
var FetchHttpClientResponse = class FetchHttpClientResponse extends HttpClientResponse {
	_res;
	_rawBody;
	constructor(res, rawBody) {
		super(res.status, FetchHttpClientResponse._transformHeadersToObject(res.headers));
		this._res = res;
		this._rawBody = rawBody;
	}
	getRawResponse() {
		return this._res;
	}
	async toJSON() {
		const rawBody = await this._rawBody;
		if (!this._res.headers.get("content-type")?.includes("application/json")) return null;
		try {
			return JSON.parse(rawBody);
		} catch (error) {
			if (error instanceof SyntaxError) throw new ParseError({
				message: error.message,
				rawBody,
				rawStatus: this._res.status,
				requestID: this._res.headers.get("X-Request-ID") ?? ""
			});
			throw error;
		}
	}
	static _transformHeadersToObject(headers) {
		const headersObj = {};
		for (const entry of Object.entries(headers)) {
			if (!Array.isArray(entry) || entry.length !== 2) throw new Error("Response objects produced by the fetch function given to FetchHttpClient do not have an iterable headers map. Response#headers should be an iterable object.");
			headersObj[entry[0]] = entry[1];
		}
		return headersObj;
	}
};
//#endregion
//#region src/common/crypto/decode-payload.ts
function isBinaryPayload(payload) {
	return ArrayBuffer.isView(payload) || Object.prototype.toString.call(payload) === "[object ArrayBuffer]";
}
function decodePayloadToString(payload) {
	if (typeof payload === "string") return payload;
	if (isBinaryPayload(payload)) {
		const bytes = Object.prototype.toString.call(payload) === "[object ArrayBuffer]" ? new Uint8Array(payload) : payload;
		return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
	}
	return JSON.stringify(payload);
}
//#endregion
//#region src/common/exceptions/api-key-required.exception.ts
var ApiKeyRequiredException = class extends Error {
	status = 403;
	name = "ApiKeyRequiredException";
	path;
	constructor(path) {
		super(`API key required for "${path}". For server-side apps, initialize with: new WorkOS("sk_..."). For browser/mobile/CLI apps, use authenticateWithCodeAndVerifier() and authenticateWithRefreshToken() which work without an API key.`);
		this.path = path;
	}
};
//#endregion
//#region src/common/exceptions/generic-server.exception.ts
var GenericServerException = class extends Error {
	status;
	rawData;
	requestID;
	name = "GenericServerException";
	message = "The request could not be completed.";
	code;
	constructor(status, message, rawData, requestID) {
		super();
		this.status = status;
		this.rawData = rawData;
		this.requestID = requestID;
		if (message) this.message = message;
		this.code = rawData.code;
	}
};
//#endregion
//#region src/common/exceptions/authentication.exception.ts
const AUTHENTICATION_ERROR_CODES = /* @__PURE__ */ new Set([
	"email_verification_required",
	"organization_selection_required",
	"mfa_enrollment",
	"mfa_challenge",
	"mfa_verification",
	"radar_email_challenge",
	"radar_sms_challenge",
	"sso_required"
]);
function parseAuthenticationErrorCode(value) {
	if (typeof value !== "string") return;
	if (!AUTHENTICATION_ERROR_CODES.has(value)) return;
	return value;
}
function getAuthenticationErrorCode(data) {
	return parseAuthenticationErrorCode(data.code) ?? parseAuthenticationErrorCode(data.error);
}
function isAuthenticationErrorData(data) {
	return getAuthenticationErrorCode(data) !== void 0;
}
var AuthenticationException = class extends GenericServerException {
	rawData;
	name = "AuthenticationException";
	code;
	pendingAuthenticationToken;
	radarChallengeId;
	constructor(status, rawData, requestID) {
		const code = getAuthenticationErrorCode(rawData);
		super(status, rawData.message ?? rawData.error_description, rawData, requestID);
		this.rawData = rawData;
		this.code = code;
		this.pendingAuthenticationToken = rawData.pending_authentication_token;
		this.radarChallengeId = rawData.radar_challenge_id;
	}
};
//#endregion
//#region src/common/exceptions/bad-request.exception.ts
var BadRequestException = class extends Error {
	status = 400;
	name = "BadRequestException";
	message = "Bad request";
	code;
	errors;
	requestID;
	constructor({ code, errors, message, requestID }) {
		super();
		this.requestID = requestID;
		if (message) this.message = message;
		if (code) this.code = code;
		if (errors) this.errors = errors;
	}
};
//#endregion
//#region src/common/exceptions/conflict.exception.ts
var ConflictException = class extends Error {
	status = 409;
	name = "ConflictException";
	requestID;
	code;
	constructor({ error, message, requestID, code }) {
		super();
		this.requestID = requestID;
		if (message) this.message = message;
		else if (error) this.message = `Error: ${error}`;
		else this.message = `A conflict has occurred on the server.`;
		this.code = code;
	}
};
//#endregion
//#region src/common/exceptions/no-api-key-provided.exception.ts
var NoApiKeyProvidedException = class extends (/* unused pure expression or super */ null && (Error)) {
	status = 500;
	name = "NoApiKeyProvidedException";
	message = "Missing API key. Pass it to the constructor (new WorkOS(\"sk_test_Sz3IQjepeSWaI4cMS4ms4sMuU\")) or define it in the WORKOS_API_KEY environment variable.";
};
//#endregion
//#region src/common/exceptions/not-found.exception.ts
var NotFoundException = class extends Error {
	status = 404;
	name = "NotFoundException";
	message;
	code;
	requestID;
	constructor({ code, message, path, requestID }) {
		super();
		this.code = code;
		this.message = message ?? `The requested path '${path}' could not be found.`;
		this.requestID = requestID;
	}
};
//#endregion
//#region src/common/exceptions/oauth.exception.ts
var OauthException = class extends Error {
	status;
	requestID;
	error;
	errorDescription;
	rawData;
	name = "OauthException";
	constructor(status, requestID, error, errorDescription, rawData) {
		super();
		this.status = status;
		this.requestID = requestID;
		this.error = error;
		this.errorDescription = errorDescription;
		this.rawData = rawData;
		if (error && errorDescription) this.message = `Error: ${error}\nError Description: ${errorDescription}`;
		else if (error) this.message = `Error: ${error}`;
		else this.message = `An error has occurred.`;
	}
};
//#endregion
//#region src/common/exceptions/rate-limit-exceeded.exception.ts
var RateLimitExceededException = class extends GenericServerException {
	retryAfter;
	name = "RateLimitExceededException";
	constructor(message, requestID, retryAfter) {
		super(429, message, {}, requestID);
		this.retryAfter = retryAfter;
	}
};
//#endregion
//#region src/common/exceptions/signature-verification.exception.ts
var SignatureVerificationException = class extends Error {
	name = "SignatureVerificationException";
	constructor(message) {
		super(message || "Signature verification failed.");
	}
};
//#endregion
//#region src/common/exceptions/unauthorized.exception.ts
var UnauthorizedException = class extends Error {
	requestID;
	status = 401;
	name = "UnauthorizedException";
	message;
	constructor(requestID) {
		super();
		this.requestID = requestID;
		this.message = `Could not authorize the request. Maybe your API key is invalid?`;
	}
};
//#endregion
//#region src/common/exceptions/unprocessable-entity.exception.ts
var UnprocessableEntityException = class extends Error {
	status = 422;
	name = "UnprocessableEntityException";
	message = "Unprocessable entity";
	code;
	requestID;
	constructor({ code, error, errors, message, requestID }) {
		super();
		this.requestID = requestID;
		if (message) this.message = message;
		else if (error) this.message = `Error: ${error}`;
		if (code) this.code = code;
		if (errors) {
			const requirement = errors.length === 1 ? "requirement" : "requirements";
			this.message = `The following ${requirement} must be met:\n`;
			for (const { code } of errors) this.message = this.message.concat(`\t${code}\n`);
		}
	}
};
//#endregion
//#region src/common/crypto/signature-provider.ts
var SignatureProvider = class {
	cryptoProvider;
	constructor(cryptoProvider) {
		this.cryptoProvider = cryptoProvider;
	}
	async verifyHeader({ payload, sigHeader, secret, tolerance = 18e4 }) {
		const [timestamp, signatureHash] = this.getTimestampAndSignatureHash(sigHeader);
		if (!signatureHash || Object.keys(signatureHash).length === 0) throw new SignatureVerificationException("No signature hash found with expected scheme v1");
		if (parseInt(timestamp, 10) < Date.now() - tolerance) throw new SignatureVerificationException("Timestamp outside the tolerance zone");
		const expectedSig = await this.computeSignature(timestamp, payload, secret);
		if (await this.cryptoProvider.secureCompare(expectedSig, signatureHash) === false) throw new SignatureVerificationException("Signature hash does not match the expected signature hash for payload");
		return true;
	}
	getTimestampAndSignatureHash(sigHeader) {
		const [t, v1] = sigHeader.split(",");
		if (typeof t === "undefined" || typeof v1 === "undefined") throw new SignatureVerificationException("Signature or timestamp missing");
		const { 1: timestamp } = t.split("=");
		const { 1: signatureHash } = v1.split("=");
		return [timestamp, signatureHash];
	}
	async computeSignature(timestamp, payload, secret) {
		const signedPayload = `${timestamp}.${decodePayloadToString(payload)}`;
		return await this.cryptoProvider.computeHMACSignatureAsync(signedPayload, secret);
	}
};
//#endregion
//#region src/common/utils/unreachable.ts
/**
* Indicates that code is unreachable.
*
* This can be used for exhaustiveness checks in situations where the compiler
* would not otherwise check for exhaustiveness.
*
* If the determination that the code is unreachable proves incorrect, an
* exception is thrown.
*/
const unreachable = (condition, message = `Entered unreachable code. Received '${condition}'.`) => {
	throw new TypeError(message);
};
//#endregion
//#region src/organization-domains/serializers/organization-domain.serializer.ts
const deserializeOrganizationDomain = (organizationDomain) => ({
	object: organizationDomain.object,
	id: organizationDomain.id,
	domain: organizationDomain.domain,
	organizationId: organizationDomain.organization_id,
	state: organizationDomain.state,
	...organizationDomain.verification_token !== void 0 && { verificationToken: organizationDomain.verification_token },
	verificationStrategy: organizationDomain.verification_strategy,
	...organizationDomain.verification_prefix !== void 0 && { verificationPrefix: organizationDomain.verification_prefix },
	createdAt: organizationDomain.created_at,
	updatedAt: organizationDomain.updated_at
});
//#endregion
//#region src/organizations/serializers/organization.serializer.ts
const deserializeOrganization = (organization) => ({
	object: organization.object,
	id: organization.id,
	name: organization.name,
	allowProfilesOutsideOrganization: organization.allow_profiles_outside_organization,
	domains: organization.domains.map(deserializeOrganizationDomain),
	...typeof organization.stripe_customer_id === "undefined" ? void 0 : { stripeCustomerId: organization.stripe_customer_id },
	createdAt: organization.created_at,
	updatedAt: organization.updated_at,
	externalId: organization.external_id ?? null,
	metadata: organization.metadata ?? {}
});
//#endregion
//#region src/user-management/serializers/authenticate-with-code-options.serializer.ts
const serializeAuthenticateWithCodeOptions = (options) => ({
	grant_type: "authorization_code",
	client_id: options.clientId,
	client_secret: options.clientSecret,
	code: options.code,
	code_verifier: options.codeVerifier,
	invitation_token: options.invitationToken,
	ip_address: options.ipAddress,
	user_agent: options.userAgent,
	signals_id: options.signalsId
});
//#endregion
//#region src/user-management/serializers/authenticate-with-code-and-verifier-options.serializer.ts
const serializeAuthenticateWithCodeAndVerifierOptions = (options) => ({
	grant_type: "authorization_code",
	client_id: options.clientId,
	code: options.code,
	code_verifier: options.codeVerifier,
	invitation_token: options.invitationToken,
	ip_address: options.ipAddress,
	user_agent: options.userAgent,
	signals_id: options.signalsId
});
//#endregion
//#region src/user-management/serializers/authenticate-with-magic-auth-options.serializer.ts
const serializeAuthenticateWithMagicAuthOptions = (options) => ({
	grant_type: "urn:workos:oauth:grant-type:magic-auth:code",
	client_id: options.clientId,
	client_secret: options.clientSecret,
	code: options.code,
	email: options.email,
	invitation_token: options.invitationToken,
	link_authorization_code: options.linkAuthorizationCode,
	ip_address: options.ipAddress,
	user_agent: options.userAgent,
	radar_auth_attempt_id: options.radarAuthAttemptId,
	signals_id: options.signalsId
});
//#endregion
//#region src/user-management/serializers/authenticate-with-radar-email-challenge-options.serializer.ts
const serializeAuthenticateWithRadarEmailChallengeOptions = (options) => ({
	grant_type: "urn:workos:oauth:grant-type:radar-email-challenge:code",
	client_id: options.clientId,
	client_secret: options.clientSecret,
	code: options.code,
	radar_challenge_id: options.radarChallengeId,
	pending_authentication_token: options.pendingAuthenticationToken,
	ip_address: options.ipAddress,
	user_agent: options.userAgent
});
//#endregion
//#region src/user-management/serializers/authenticate-with-radar-sms-challenge-options.serializer.ts
const serializeAuthenticateWithRadarSmsChallengeOptions = (options) => ({
	grant_type: "urn:workos:oauth:grant-type:radar-sms-challenge:code",
	client_id: options.clientId,
	client_secret: options.clientSecret,
	code: options.code,
	verification_id: options.verificationId,
	phone_number: options.phoneNumber,
	pending_authentication_token: options.pendingAuthenticationToken,
	ip_address: options.ipAddress,
	user_agent: options.userAgent
});
//#endregion
//#region src/user-management/serializers/authenticate-with-password-options.serializer.ts
const serializeAuthenticateWithPasswordOptions = (options) => ({
	grant_type: "password",
	client_id: options.clientId,
	client_secret: options.clientSecret,
	email: options.email,
	password: options.password,
	invitation_token: options.invitationToken,
	ip_address: options.ipAddress,
	user_agent: options.userAgent,
	radar_auth_attempt_id: options.radarAuthAttemptId,
	signals_id: options.signalsId
});
//#endregion
//#region src/user-management/serializers/authenticate-with-refresh-token.options.serializer.ts
const serializeAuthenticateWithRefreshTokenOptions = (options) => ({
	grant_type: "refresh_token",
	client_id: options.clientId,
	client_secret: options.clientSecret,
	refresh_token: options.refreshToken,
	organization_id: options.organizationId,
	ip_address: options.ipAddress,
	user_agent: options.userAgent
});
//#endregion
//#region src/user-management/serializers/authenticate-with-refresh-token-public-client-options.serializer.ts
const serializeAuthenticateWithRefreshTokenPublicClientOptions = (options) => ({
	grant_type: "refresh_token",
	client_id: options.clientId,
	refresh_token: options.refreshToken,
	organization_id: options.organizationId,
	ip_address: options.ipAddress,
	user_agent: options.userAgent
});
//#endregion
//#region src/user-management/serializers/authenticate-with-totp-options.serializer.ts
const serializeAuthenticateWithTotpOptions = (options) => ({
	grant_type: "urn:workos:oauth:grant-type:mfa-totp",
	client_id: options.clientId,
	client_secret: options.clientSecret,
	code: options.code,
	authentication_challenge_id: options.authenticationChallengeId,
	pending_authentication_token: options.pendingAuthenticationToken,
	ip_address: options.ipAddress,
	user_agent: options.userAgent
});
//#endregion
//#region src/user-management/serializers/authentication-event.serializer.ts
const deserializeAuthenticationEventSso = (sso) => ({
	connectionId: sso.connection_id,
	organizationId: sso.organization_id,
	...sso.session_id !== void 0 && { sessionId: sso.session_id }
});
const deserializeAuthenticationEvent = (authenticationEvent) => ({
	email: authenticationEvent.email,
	...authenticationEvent.error !== void 0 && { error: authenticationEvent.error },
	ipAddress: authenticationEvent.ip_address,
	...authenticationEvent.sso !== void 0 && { sso: deserializeAuthenticationEventSso(authenticationEvent.sso) },
	status: authenticationEvent.status,
	type: authenticationEvent.type,
	userAgent: authenticationEvent.user_agent,
	userId: authenticationEvent.user_id
});
//#endregion
//#region src/multi-factor-auth/serializers/sms.serializer.ts
const deserializeSms = (sms) => ({ phoneNumber: sms.phone_number });
//#endregion
//#region src/multi-factor-auth/serializers/totp.serializer.ts
const deserializeTotp = (totp) => {
	return {
		issuer: totp.issuer,
		user: totp.user
	};
};
const deserializeTotpWithSecrets = (totp) => {
	return {
		issuer: totp.issuer,
		user: totp.user,
		qrCode: totp.qr_code,
		secret: totp.secret,
		uri: totp.uri
	};
};
//#endregion
//#region src/user-management/serializers/authentication-factor.serializer.ts
const deserializeFactor$1 = (factor) => ({
	object: factor.object,
	id: factor.id,
	createdAt: factor.created_at,
	updatedAt: factor.updated_at,
	type: factor.type,
	...factor.sms ? { sms: deserializeSms(factor.sms) } : {},
	...factor.totp ? { totp: deserializeTotp(factor.totp) } : {},
	userId: factor.user_id
});
const deserializeFactorWithSecrets$1 = (factor) => ({
	object: factor.object,
	id: factor.id,
	createdAt: factor.created_at,
	updatedAt: factor.updated_at,
	type: factor.type,
	totp: deserializeTotpWithSecrets(factor.totp),
	userId: factor.user_id
});
//#endregion
//#region src/user-management/serializers/oauth-tokens.serializer.ts
const deserializeOauthTokens = (oauthTokens) => oauthTokens ? {
	accessToken: oauthTokens.access_token,
	refreshToken: oauthTokens.refresh_token,
	expiresAt: oauthTokens.expires_at,
	scopes: oauthTokens.scopes
} : void 0;
//#endregion
//#region src/user-management/serializers/user.serializer.ts
const deserializeUser = (user) => ({
	object: user.object,
	id: user.id,
	email: user.email,
	emailVerified: user.email_verified,
	name: user.name ?? null,
	firstName: user.first_name,
	profilePictureUrl: user.profile_picture_url,
	lastName: user.last_name,
	lastSignInAt: user.last_sign_in_at,
	locale: user.locale,
	createdAt: user.created_at,
	updatedAt: user.updated_at,
	externalId: user.external_id ?? null,
	metadata: user.metadata ?? {}
});
//#endregion
//#region src/user-management/serializers/authentication-response.serializer.ts
const deserializeAuthenticationResponse = (authenticationResponse) => {
	const { user, organization_id, access_token, refresh_token, authentication_method, impersonator, oauth_tokens, ...rest } = authenticationResponse;
	return {
		user: deserializeUser(user),
		organizationId: organization_id,
		accessToken: access_token,
		refreshToken: refresh_token,
		impersonator,
		authenticationMethod: authentication_method,
		oauthTokens: deserializeOauthTokens(oauth_tokens),
		...rest
	};
};
//#endregion
//#region src/user-management/serializers/create-magic-auth-options.serializer.ts
const serializeCreateMagicAuthOptions = (options) => ({
	email: options.email,
	invitation_token: options.invitationToken,
	ip_address: options.ipAddress,
	user_agent: options.userAgent,
	radar_auth_attempt_id: options.radarAuthAttemptId,
	signals_id: options.signalsId
});
//#endregion
//#region src/user-management/serializers/create-password-reset-options.serializer.ts
const serializeCreatePasswordResetOptions = (options) => ({ email: options.email });
//#endregion
//#region src/user-management/serializers/create-user-api-key-options.serializer.ts
function serializeCreateUserApiKeyOptions(options) {
	return {
		name: options.name,
		organization_id: options.organizationId,
		permissions: options.permissions,
		expires_at: options.expiresAt?.toISOString()
	};
}
//#endregion
//#region src/user-management/serializers/email-verification.serializer.ts
const deserializeEmailVerification = (emailVerification) => ({
	object: emailVerification.object,
	id: emailVerification.id,
	userId: emailVerification.user_id,
	email: emailVerification.email,
	expiresAt: emailVerification.expires_at,
	code: emailVerification.code,
	createdAt: emailVerification.created_at,
	updatedAt: emailVerification.updated_at
});
const deserializeEmailVerificationEvent = (emailVerification) => ({
	object: emailVerification.object,
	id: emailVerification.id,
	userId: emailVerification.user_id,
	email: emailVerification.email,
	expiresAt: emailVerification.expires_at,
	createdAt: emailVerification.created_at,
	updatedAt: emailVerification.updated_at
});
//#endregion
//#region src/user-management/serializers/enroll-auth-factor-options.serializer.ts
const serializeEnrollAuthFactorOptions = (options) => ({
	type: options.type,
	totp_issuer: options.totpIssuer,
	totp_user: options.totpUser,
	totp_secret: options.totpSecret
});
//#endregion
//#region src/user-management/serializers/invitation.serializer.ts
const deserializeInvitation = (invitation) => ({
	object: invitation.object,
	id: invitation.id,
	email: invitation.email,
	state: invitation.state,
	acceptedAt: invitation.accepted_at,
	revokedAt: invitation.revoked_at,
	expiresAt: invitation.expires_at,
	organizationId: invitation.organization_id,
	inviterUserId: invitation.inviter_user_id,
	acceptedUserId: invitation.accepted_user_id,
	roleSlug: invitation.role_slug,
	token: invitation.token,
	acceptInvitationUrl: invitation.accept_invitation_url,
	createdAt: invitation.created_at,
	updatedAt: invitation.updated_at
});
const deserializeInvitationEvent = (invitation) => ({
	object: invitation.object,
	id: invitation.id,
	email: invitation.email,
	state: invitation.state,
	acceptedAt: invitation.accepted_at,
	revokedAt: invitation.revoked_at,
	expiresAt: invitation.expires_at,
	organizationId: invitation.organization_id,
	inviterUserId: invitation.inviter_user_id,
	acceptedUserId: invitation.accepted_user_id,
	roleSlug: invitation.role_slug,
	createdAt: invitation.created_at,
	updatedAt: invitation.updated_at
});
//#endregion
//#region src/user-management/serializers/list-sessions-options.serializer.ts
const serializeListSessionsOptions = (options) => ({ ...options });
//#endregion
//#region src/user-management/serializers/list-user-api-keys-options.serializer.ts
function serializeListUserApiKeysOptions(options) {
	return {
		limit: options.limit,
		before: options.before,
		after: options.after,
		order: options.order,
		organization_id: options.organizationId
	};
}
//#endregion
//#region src/user-management/serializers/magic-auth.serializer.ts
const deserializeMagicAuth = (magicAuth) => ({
	object: magicAuth.object,
	id: magicAuth.id,
	userId: magicAuth.user_id,
	email: magicAuth.email,
	expiresAt: magicAuth.expires_at,
	code: magicAuth.code,
	createdAt: magicAuth.created_at,
	updatedAt: magicAuth.updated_at
});
const deserializeMagicAuthEvent = (magicAuth) => ({
	object: magicAuth.object,
	id: magicAuth.id,
	userId: magicAuth.user_id,
	email: magicAuth.email,
	expiresAt: magicAuth.expires_at,
	createdAt: magicAuth.created_at,
	updatedAt: magicAuth.updated_at
});
//#endregion
//#region src/user-management/serializers/password-reset.serializer.ts
const deserializePasswordReset = (passwordReset) => ({
	object: passwordReset.object,
	id: passwordReset.id,
	userId: passwordReset.user_id,
	email: passwordReset.email,
	passwordResetToken: passwordReset.password_reset_token,
	passwordResetUrl: passwordReset.password_reset_url,
	expiresAt: passwordReset.expires_at,
	createdAt: passwordReset.created_at
});
const deserializePasswordResetEvent = (passwordReset) => ({
	object: passwordReset.object,
	id: passwordReset.id,
	userId: passwordReset.user_id,
	email: passwordReset.email,
	expiresAt: passwordReset.expires_at,
	createdAt: passwordReset.created_at
});
//#endregion
//#region src/user-management/serializers/reset-password-options.serializer.ts
const serializeResetPasswordOptions = (options) => ({
	token: options.token,
	new_password: options.newPassword
});
//#endregion
//#region src/user-management/serializers/session.serializer.ts
const deserializeSession = (session) => ({
	object: "session",
	id: session.id,
	userId: session.user_id,
	ipAddress: session.ip_address,
	userAgent: session.user_agent,
	...session.organization_id !== void 0 && { organizationId: session.organization_id },
	...session.impersonator !== void 0 && { impersonator: session.impersonator },
	authMethod: session.auth_method,
	status: session.status,
	expiresAt: session.expires_at,
	endedAt: session.ended_at,
	createdAt: session.created_at,
	updatedAt: session.updated_at
});
//#endregion
//#region src/user-management/serializers/create-user-options.serializer.ts
const serializeCreateUserOptions = (options) => ({
	email: options.email,
	password: options.password,
	password_hash: options.passwordHash,
	password_hash_type: options.passwordHashType,
	name: options.name,
	first_name: options.firstName,
	last_name: options.lastName,
	email_verified: options.emailVerified,
	external_id: options.externalId,
	metadata: options.metadata,
	ip_address: options.ipAddress,
	user_agent: options.userAgent,
	signals_id: options.signalsId
});
//#endregion
//#region src/user-management/serializers/send-radar-sms-challenge-options.serializer.ts
const serializeSendRadarSmsChallengeOptions = (options) => ({
	user_id: options.userId,
	pending_authentication_token: options.pendingAuthenticationToken,
	phone_number: options.phoneNumber,
	ip_address: options.ipAddress,
	user_agent: options.userAgent
});
//#endregion
//#region src/user-management/serializers/update-user-options.serializer.ts
const serializeUpdateUserOptions = (options) => ({
	email: options.email,
	email_verified: options.emailVerified,
	name: options.name,
	first_name: options.firstName,
	last_name: options.lastName,
	password: options.password,
	password_hash: options.passwordHash,
	password_hash_type: options.passwordHashType,
	external_id: options.externalId,
	locale: options.locale,
	metadata: options.metadata
});
//#endregion
//#region src/user-management/serializers/user-api-key.serializer.ts
function deserializeUserApiKey(apiKey) {
	return {
		object: apiKey.object,
		id: apiKey.id,
		owner: {
			type: "user",
			id: apiKey.owner.id,
			organizationId: apiKey.owner.organization_id
		},
		name: apiKey.name,
		obfuscatedValue: apiKey.obfuscated_value,
		lastUsedAt: apiKey.last_used_at,
		expiresAt: apiKey.expires_at,
		permissions: apiKey.permissions,
		createdAt: apiKey.created_at,
		updatedAt: apiKey.updated_at
	};
}
//#endregion
//#region src/user-management/serializers/user-api-key-with-value.serializer.ts
function deserializeUserApiKeyWithValue(apiKey) {
	return {
		...deserializeUserApiKey(apiKey),
		value: apiKey.value
	};
}
//#endregion
//#region src/user-management/serializers/waitlist.serializer.ts
const deserializeWaitlist = (waitlist) => ({
	object: waitlist.object,
	id: waitlist.id,
	createdAt: waitlist.created_at,
	updatedAt: waitlist.updated_at
});
//#endregion
//#region src/user-management/serializers/waitlist-entry.serializer.ts
const deserializeWaitlistEntry = (waitlistEntry) => ({
	object: waitlistEntry.object,
	id: waitlistEntry.id,
	email: waitlistEntry.email,
	state: waitlistEntry.state,
	approvedAt: waitlistEntry.approved_at,
	additionalFields: waitlistEntry.additional_fields,
	waitlistId: waitlistEntry.waitlist_id ?? null,
	createdAt: waitlistEntry.created_at,
	updatedAt: waitlistEntry.updated_at
});
//#endregion
//#region src/user-management/serializers/organization-membership.serializer.ts
const deserializeOrganizationMembership = (organizationMembership) => ({
	object: organizationMembership.object,
	id: organizationMembership.id,
	userId: organizationMembership.user_id,
	organizationId: organizationMembership.organization_id,
	organizationName: organizationMembership.organization_name,
	status: organizationMembership.status,
	directoryManaged: organizationMembership.directory_managed ?? false,
	createdAt: organizationMembership.created_at,
	updatedAt: organizationMembership.updated_at,
	role: organizationMembership.role,
	...organizationMembership.roles && { roles: organizationMembership.roles },
	customAttributes: organizationMembership.custom_attributes ?? {}
});
const deserializeAuthorizationOrganizationMembership = (organizationMembership) => ({
	object: organizationMembership.object,
	id: organizationMembership.id,
	userId: organizationMembership.user_id,
	organizationId: organizationMembership.organization_id,
	status: organizationMembership.status,
	directoryManaged: organizationMembership.directory_managed ?? false,
	createdAt: organizationMembership.created_at,
	updatedAt: organizationMembership.updated_at,
	customAttributes: organizationMembership.custom_attributes ?? {}
});
//#endregion
//#region src/actions/serializers/action.serializer.ts
const deserializeUserData = (userData) => {
	return {
		object: userData.object,
		email: userData.email,
		name: userData.name ?? null,
		firstName: userData.first_name,
		lastName: userData.last_name
	};
};
const deserializeAction = (actionPayload) => {
	switch (actionPayload.object) {
		case "user_registration_action_context": return {
			id: actionPayload.id,
			object: actionPayload.object,
			userData: deserializeUserData(actionPayload.user_data),
			invitation: actionPayload.invitation ? deserializeInvitation(actionPayload.invitation) : void 0,
			authenticationMethod: actionPayload.authentication_method,
			ipAddress: actionPayload.ip_address,
			userAgent: actionPayload.user_agent,
			deviceFingerprint: actionPayload.device_fingerprint
		};
		case "authentication_action_context": return {
			id: actionPayload.id,
			object: actionPayload.object,
			user: deserializeUser(actionPayload.user),
			organization: actionPayload.organization ? deserializeOrganization(actionPayload.organization) : void 0,
			organizationMembership: actionPayload.organization_membership ? deserializeOrganizationMembership(actionPayload.organization_membership) : void 0,
			authenticationMethod: actionPayload.authentication_method,
			ipAddress: actionPayload.ip_address,
			userAgent: actionPayload.user_agent,
			deviceFingerprint: actionPayload.device_fingerprint,
			issuer: actionPayload.issuer
		};
	}
};
//#endregion
//#region src/actions/actions.ts
var Actions = class {
	signatureProvider;
	constructor(cryptoProvider) {
		this.signatureProvider = new SignatureProvider(cryptoProvider);
	}
	get computeSignature() {
		return this.signatureProvider.computeSignature.bind(this.signatureProvider);
	}
	get verifyHeader() {
		return this.signatureProvider.verifyHeader.bind(this.signatureProvider);
	}
	serializeType(type) {
		switch (type) {
			case "authentication": return "authentication_action_response";
			case "user_registration": return "user_registration_action_response";
			default: return unreachable(type);
		}
	}
	async signResponse(data, secret) {
		let errorMessage;
		const { verdict, type } = data;
		if (verdict === "Deny" && data.errorMessage) errorMessage = data.errorMessage;
		const responsePayload = {
			timestamp: Date.now(),
			verdict,
			...verdict === "Deny" && data.errorMessage && { error_message: errorMessage }
		};
		return {
			object: this.serializeType(type),
			payload: responsePayload,
			signature: await this.computeSignature(responsePayload.timestamp, responsePayload, secret)
		};
	}
	async constructAction({ payload, sigHeader, secret, tolerance = 3e4 }) {
		const options = {
			payload,
			sigHeader,
			secret,
			tolerance
		};
		await this.verifyHeader(options);
		const parsed = typeof payload === "string" || isBinaryPayload(payload) ? JSON.parse(decodePayloadToString(payload)) : payload;
		return deserializeAction(parsed);
	}
};
//#endregion
//#region src/common/utils/pagination.ts
var AutoPaginatable = class {
	list;
	apiCall;
	object = "list";
	options;
	constructor(list, apiCall, options) {
		this.list = list;
		this.apiCall = apiCall;
		this.options = options ?? {};
	}
	get data() {
		return this.list.data;
	}
	get listMetadata() {
		return this.list.listMetadata;
	}
	async *generatePages(params) {
		const result = await this.apiCall({
			...this.options,
			limit: 100,
			after: params.after
		});
		yield result.data;
		if (result.listMetadata.after) {
			await new Promise((resolve) => setTimeout(resolve, 350));
			yield* this.generatePages({ after: result.listMetadata.after });
		}
	}
	/**
	* Automatically paginates over the list of results, returning the complete data set.
	* Returns the first result if `options.limit` is passed to the first request.
	*/
	async autoPagination() {
		if (this.options.limit) return this.data;
		const results = [];
		for await (const page of this.generatePages({ after: this.options.after })) results.push(...page);
		return results;
	}
};
//#endregion
//#region src/directory-sync/serializers/directory-group.serializer.ts
const deserializeDirectoryGroup = (directoryGroup) => ({
	id: directoryGroup.id,
	idpId: directoryGroup.idp_id,
	directoryId: directoryGroup.directory_id,
	organizationId: directoryGroup.organization_id,
	name: directoryGroup.name,
	createdAt: directoryGroup.created_at,
	updatedAt: directoryGroup.updated_at,
	rawAttributes: directoryGroup.raw_attributes
});
const deserializeUpdatedEventDirectoryGroup = (directoryGroup) => ({
	id: directoryGroup.id,
	idpId: directoryGroup.idp_id,
	directoryId: directoryGroup.directory_id,
	organizationId: directoryGroup.organization_id,
	name: directoryGroup.name,
	createdAt: directoryGroup.created_at,
	updatedAt: directoryGroup.updated_at,
	rawAttributes: directoryGroup.raw_attributes,
	previousAttributes: directoryGroup.previous_attributes
});
//#endregion
//#region src/directory-sync/serializers/directory-user.serializer.ts
const deserializeDirectoryUser = (directoryUser) => ({
	object: directoryUser.object,
	id: directoryUser.id,
	directoryId: directoryUser.directory_id,
	organizationId: directoryUser.organization_id,
	rawAttributes: directoryUser.raw_attributes,
	customAttributes: directoryUser.custom_attributes,
	idpId: directoryUser.idp_id,
	firstName: directoryUser.first_name,
	email: directoryUser.email,
	lastName: directoryUser.last_name,
	state: directoryUser.state,
	...directoryUser.role !== void 0 && { role: directoryUser.role },
	...directoryUser.roles !== void 0 && { roles: directoryUser.roles },
	createdAt: directoryUser.created_at,
	updatedAt: directoryUser.updated_at
});
const deserializeDirectoryUserWithGroups = (directoryUserWithGroups) => ({
	...deserializeDirectoryUser(directoryUserWithGroups),
	groups: directoryUserWithGroups.groups.map(deserializeDirectoryGroup)
});
const deserializeUpdatedEventDirectoryUser = (directoryUser) => ({
	object: "directory_user",
	id: directoryUser.id,
	directoryId: directoryUser.directory_id,
	organizationId: directoryUser.organization_id,
	rawAttributes: directoryUser.raw_attributes,
	customAttributes: directoryUser.custom_attributes,
	idpId: directoryUser.idp_id,
	firstName: directoryUser.first_name,
	email: directoryUser.email,
	lastName: directoryUser.last_name,
	state: directoryUser.state,
	...directoryUser.role !== void 0 && { role: directoryUser.role },
	...directoryUser.roles !== void 0 && { roles: directoryUser.roles },
	createdAt: directoryUser.created_at,
	updatedAt: directoryUser.updated_at,
	previousAttributes: directoryUser.previous_attributes
});
//#endregion
//#region src/directory-sync/serializers/directory.serializer.ts
const deserializeDirectory = (directory) => ({
	object: directory.object,
	id: directory.id,
	domain: directory.domain,
	externalKey: directory.external_key,
	name: directory.name,
	organizationId: directory.organization_id,
	state: deserializeDirectoryState(directory.state),
	type: directory.type,
	createdAt: directory.created_at,
	updatedAt: directory.updated_at
});
const deserializeDirectoryState = (state) => {
	if (state === "linked") return "active";
	if (state === "unlinked") return "inactive";
	return state;
};
const deserializeEventDirectory = (directory) => ({
	object: directory.object,
	id: directory.id,
	externalKey: directory.external_key,
	type: directory.type,
	state: directory.state,
	name: directory.name,
	organizationId: directory.organization_id,
	domains: directory.domains,
	createdAt: directory.created_at,
	updatedAt: directory.updated_at
});
const deserializeDeletedEventDirectory = (directory) => ({
	object: directory.object,
	id: directory.id,
	type: directory.type,
	state: directory.state,
	name: directory.name,
	organizationId: directory.organization_id,
	createdAt: directory.created_at,
	updatedAt: directory.updated_at
});
//#endregion
//#region src/directory-sync/serializers/list-directories-options.serializer.ts
const serializeListDirectoriesOptions = (options) => ({
	organization_id: options.organizationId,
	search: options.search,
	limit: options.limit,
	before: options.before,
	after: options.after,
	order: options.order
});
//#endregion
//#region src/organizations/serializers/create-organization-options.serializer.ts
const serializeCreateOrganizationOptions = (options) => ({
	name: options.name,
	domain_data: options.domainData,
	external_id: options.externalId,
	metadata: options.metadata
});
//#endregion
//#region src/organizations/serializers/it-contact-options.serializer.ts
const serializeCreateItContactOptions = (options) => ({ email: options.email });
const serializeInviteItContactOptions = (options) => ({ intents: options.intents });
//#endregion
//#region src/organizations/serializers/it-contact.serializer.ts
const deserializeItContact = (itContact) => ({
	object: itContact.object,
	id: itContact.id,
	email: itContact.email,
	createdAt: itContact.created_at,
	updatedAt: itContact.updated_at
});
//#endregion
//#region src/organizations/serializers/update-organization-options.serializer.ts
const serializeUpdateOrganizationOptions = (options) => ({
	name: options.name,
	domain_data: options.domainData,
	stripe_customer_id: options.stripeCustomerId,
	external_id: options.externalId,
	metadata: options.metadata
});
//#endregion
//#region src/sso/serializers/connection.serializer.ts
const deserializeConnection = (connection) => ({
	object: connection.object,
	id: connection.id,
	...connection.organization_id !== void 0 && { organizationId: connection.organization_id },
	name: connection.name,
	type: connection.connection_type,
	state: connection.state,
	domains: connection.domains,
	createdAt: connection.created_at,
	updatedAt: connection.updated_at
});
//#endregion
//#region src/sso/serializers/list-connections-options.serializer.ts
const serializeListConnectionsOptions = (options) => ({
	connection_type: options.connectionType,
	domain: options.domain,
	organization_id: options.organizationId,
	limit: options.limit,
	before: options.before,
	after: options.after,
	order: options.order
});
//#endregion
//#region src/sso/serializers/profile.serializer.ts
const deserializeProfile = (profile) => ({
	id: profile.id,
	idpId: profile.idp_id,
	...profile.organization_id !== void 0 && { organizationId: profile.organization_id },
	connectionId: profile.connection_id,
	connectionType: profile.connection_type,
	email: profile.email,
	...profile.name !== void 0 && { name: profile.name },
	...profile.first_name !== void 0 && { firstName: profile.first_name },
	...profile.last_name !== void 0 && { lastName: profile.last_name },
	...profile.role !== void 0 && { role: profile.role },
	...profile.roles !== void 0 && { roles: profile.roles },
	...profile.groups !== void 0 && { groups: profile.groups },
	...profile.custom_attributes !== void 0 && { customAttributes: profile.custom_attributes },
	...profile.raw_attributes !== void 0 && { rawAttributes: profile.raw_attributes }
});
//#endregion
//#region src/sso/serializers/profile-and-token.serializer.ts
const deserializeProfileAndToken = (profileAndToken) => ({
	accessToken: profileAndToken.access_token,
	profile: deserializeProfile(profileAndToken.profile),
	oauthTokens: deserializeOauthTokens(profileAndToken.oauth_tokens)
});
//#endregion
//#region src/user-management/serializers/role.serializer.ts
const deserializeRoleEvent = (role) => ({
	object: role.object,
	slug: role.slug,
	resourceTypeSlug: role.resource_type_slug,
	permissions: role.permissions,
	createdAt: role.created_at,
	updatedAt: role.updated_at
});
//#endregion
//#region src/user-management/serializers/authentication-radar-risk-event-serializer.ts
const deserializeAuthenticationRadarRiskDetectedEvent = (authenticationRadarRiskDetectedEvent) => ({
	authMethod: authenticationRadarRiskDetectedEvent.auth_method,
	action: authenticationRadarRiskDetectedEvent.action,
	control: authenticationRadarRiskDetectedEvent.control,
	blocklistType: authenticationRadarRiskDetectedEvent.blocklist_type,
	ipAddress: authenticationRadarRiskDetectedEvent.ip_address,
	userAgent: authenticationRadarRiskDetectedEvent.user_agent,
	userId: authenticationRadarRiskDetectedEvent.user_id,
	email: authenticationRadarRiskDetectedEvent.email
});
//#endregion
//#region src/api-keys/serializers/api-key.serializer.ts
function deserializeApiKey(apiKey) {
	return {
		object: apiKey.object,
		id: apiKey.id,
		owner: apiKey.owner.type === "user" ? {
			type: "user",
			id: apiKey.owner.id,
			organizationId: apiKey.owner.organization_id
		} : apiKey.owner,
		name: apiKey.name,
		obfuscatedValue: apiKey.obfuscated_value,
		lastUsedAt: apiKey.last_used_at,
		permissions: apiKey.permissions,
		createdAt: apiKey.created_at,
		updatedAt: apiKey.updated_at
	};
}
//#endregion
//#region src/authorization/serializers/organization-role.serializer.ts
const deserializeRole = (role) => ({
	object: role.object,
	id: role.id,
	name: role.name,
	slug: role.slug,
	description: role.description,
	permissions: role.permissions,
	resourceTypeSlug: role.resource_type_slug,
	type: role.type,
	createdAt: role.created_at,
	updatedAt: role.updated_at
});
const deserializeOrganizationRole = (role) => ({
	object: role.object,
	id: role.id,
	name: role.name,
	slug: role.slug,
	description: role.description,
	permissions: role.permissions,
	resourceTypeSlug: role.resource_type_slug,
	type: "OrganizationRole",
	createdAt: role.created_at,
	updatedAt: role.updated_at
});
const deserializeOrganizationRoleEvent = (event) => ({
	object: event.object,
	organizationId: event.organization_id,
	slug: event.slug,
	name: event.name,
	description: event.description,
	resourceTypeSlug: event.resource_type_slug,
	permissions: event.permissions,
	createdAt: event.created_at,
	updatedAt: event.updated_at
});
//#endregion
//#region src/authorization/serializers/permission.serializer.ts
const deserializePermission = (permission) => ({
	object: permission.object,
	id: permission.id,
	slug: permission.slug,
	name: permission.name,
	description: permission.description,
	resourceTypeSlug: permission.resource_type_slug,
	system: permission.system,
	createdAt: permission.created_at,
	updatedAt: permission.updated_at
});
//#endregion
//#region src/feature-flags/serializers/feature-flag.serializer.ts
const deserializeFeatureFlag = (featureFlag) => ({
	object: featureFlag.object,
	id: featureFlag.id,
	name: featureFlag.name,
	slug: featureFlag.slug,
	description: featureFlag.description,
	tags: featureFlag.tags,
	enabled: featureFlag.enabled,
	defaultValue: featureFlag.default_value,
	createdAt: featureFlag.created_at,
	updatedAt: featureFlag.updated_at
});
//#endregion
//#region src/groups/serializers/create-group.serializer.ts
const serializeCreateGroup = (model) => ({
	name: model.name,
	description: model.description ?? null
});
//#endregion
//#region src/groups/serializers/create-group-membership.serializer.ts
const serializeCreateGroupMembership = (model) => ({ organization_membership_id: model.organizationMembershipId });
//#endregion
//#region src/groups/serializers/group.serializer.ts
const deserializeGroup = (response) => ({
	object: response.object,
	id: response.id,
	organizationId: response.organization_id,
	name: response.name,
	description: response.description ?? null,
	createdAt: new Date(response.created_at),
	updatedAt: new Date(response.updated_at)
});
//#endregion
//#region src/groups/serializers/update-group.serializer.ts
const serializeUpdateGroup = (model) => ({
	name: model.name,
	description: model.description ?? null
});
//#endregion
//#region src/vault/serializers/vault-event.serializer.ts
const deserializeVaultActor = (actor) => ({
	actorId: actor.actor_id,
	actorSource: actor.actor_source,
	actorName: actor.actor_name
});
const deserializeVaultDataCreatedEvent = (data) => ({
	...deserializeVaultActor(data),
	kvName: data.kv_name,
	keyId: data.key_id,
	keyContext: data.key_context
});
const deserializeVaultDataUpdatedEvent = (data) => ({
	...deserializeVaultActor(data),
	kvName: data.kv_name,
	keyId: data.key_id,
	keyContext: data.key_context
});
const deserializeVaultDataReadEvent = (data) => ({
	...deserializeVaultActor(data),
	kvName: data.kv_name,
	keyId: data.key_id
});
const deserializeVaultDataDeletedEvent = (data) => ({
	...deserializeVaultActor(data),
	kvName: data.kv_name
});
const deserializeVaultMetadataReadEvent = (data) => ({
	...deserializeVaultActor(data),
	kvName: data.kv_name
});
const deserializeVaultNamesListedEvent = (data) => deserializeVaultActor(data);
const deserializeVaultKekCreatedEvent = (data) => ({
	...deserializeVaultActor(data),
	keyName: data.key_name,
	keyId: data.key_id
});
const deserializeVaultDekReadEvent = (data) => ({
	...deserializeVaultActor(data),
	keyIds: data.key_ids,
	keyContext: data.key_context
});
const deserializeVaultDekDecryptedEvent = (data) => ({
	...deserializeVaultActor(data),
	keyId: data.key_id
});
const deserializeVaultByokKeyVerificationCompletedEvent = (data) => ({
	organizationId: data.organization_id,
	keyProvider: data.key_provider,
	verified: data.verified
});
//#endregion
//#region src/organization-domains/serializers/organization-domain-verification-failed.serializer.ts
const deserializeOrganizationDomainVerificationFailed = (organizationDomainVerificationFailed) => ({
	reason: organizationDomainVerificationFailed.reason,
	organizationDomain: deserializeOrganizationDomain(organizationDomainVerificationFailed.organization_domain)
});
//#endregion
//#region src/common/serializers/event.serializer.ts
const deserializePipesConnectedAccount = (connectedAccount) => ({
	object: connectedAccount.object,
	id: connectedAccount.id,
	dataIntegrationId: connectedAccount.data_integration_id,
	providerSlug: connectedAccount.provider_slug,
	userId: connectedAccount.user_id,
	organizationId: connectedAccount.organization_id,
	scopes: connectedAccount.scopes,
	state: connectedAccount.state,
	createdAt: connectedAccount.created_at,
	updatedAt: connectedAccount.updated_at
});
const deserializePipesConnectionFailed = (connectionFailed) => ({
	object: connectionFailed.object,
	dataIntegrationId: connectionFailed.data_integration_id,
	providerSlug: connectionFailed.provider_slug,
	userId: connectionFailed.user_id,
	organizationId: connectionFailed.organization_id,
	errorCode: connectionFailed.error_code,
	errorReason: connectionFailed.error_reason,
	providerError: connectionFailed.provider_error,
	providerErrorDescription: connectionFailed.provider_error_description,
	createdAt: connectionFailed.created_at
});
const deserializeEvent = (event) => {
	const eventBase = {
		id: event.id,
		createdAt: event.created_at,
		context: event.context
	};
	switch (event.event) {
		case "authentication.email_verification_succeeded":
		case "authentication.magic_auth_failed":
		case "authentication.magic_auth_succeeded":
		case "authentication.mfa_succeeded":
		case "authentication.oauth_failed":
		case "authentication.oauth_succeeded":
		case "authentication.passkey_failed":
		case "authentication.passkey_succeeded":
		case "authentication.password_failed":
		case "authentication.password_succeeded":
		case "authentication.sso_failed":
		case "authentication.sso_succeeded": return {
			...eventBase,
			event: event.event,
			data: deserializeAuthenticationEvent(event.data)
		};
		case "authentication.radar_risk_detected": return {
			...eventBase,
			event: event.event,
			data: deserializeAuthenticationRadarRiskDetectedEvent(event.data)
		};
		case "connection.activated":
		case "connection.deactivated":
		case "connection.deleted": return {
			...eventBase,
			event: event.event,
			data: deserializeConnection(event.data)
		};
		case "dsync.activated": return {
			...eventBase,
			event: event.event,
			data: deserializeEventDirectory(event.data)
		};
		case "dsync.deleted": return {
			...eventBase,
			event: event.event,
			data: deserializeDeletedEventDirectory(event.data)
		};
		case "dsync.group.created":
		case "dsync.group.deleted": return {
			...eventBase,
			event: event.event,
			data: deserializeDirectoryGroup(event.data)
		};
		case "dsync.group.updated": return {
			...eventBase,
			event: event.event,
			data: deserializeUpdatedEventDirectoryGroup(event.data)
		};
		case "dsync.group.user_added":
		case "dsync.group.user_removed": return {
			...eventBase,
			event: event.event,
			data: {
				directoryId: event.data.directory_id,
				user: deserializeDirectoryUser(event.data.user),
				group: deserializeDirectoryGroup(event.data.group)
			}
		};
		case "dsync.user.created":
		case "dsync.user.deleted": return {
			...eventBase,
			event: event.event,
			data: deserializeDirectoryUser(event.data)
		};
		case "dsync.user.updated": return {
			...eventBase,
			event: event.event,
			data: deserializeUpdatedEventDirectoryUser(event.data)
		};
		case "email_verification.created": return {
			...eventBase,
			event: event.event,
			data: deserializeEmailVerificationEvent(event.data)
		};
		case "invitation.accepted":
		case "invitation.created":
		case "invitation.revoked":
		case "invitation.resent": return {
			...eventBase,
			event: event.event,
			data: deserializeInvitationEvent(event.data)
		};
		case "magic_auth.created": return {
			...eventBase,
			event: event.event,
			data: deserializeMagicAuthEvent(event.data)
		};
		case "password_reset.created":
		case "password_reset.succeeded": return {
			...eventBase,
			event: event.event,
			data: deserializePasswordResetEvent(event.data)
		};
		case "user.created":
		case "user.updated":
		case "user.deleted": return {
			...eventBase,
			event: event.event,
			data: deserializeUser(event.data)
		};
		case "organization_membership.created":
		case "organization_membership.deleted":
		case "organization_membership.updated": return {
			...eventBase,
			event: event.event,
			data: deserializeOrganizationMembership(event.data)
		};
		case "role.created":
		case "role.deleted":
		case "role.updated": return {
			...eventBase,
			event: event.event,
			data: deserializeRoleEvent(event.data)
		};
		case "organization_role.created":
		case "organization_role.updated":
		case "organization_role.deleted": return {
			...eventBase,
			event: event.event,
			data: deserializeOrganizationRoleEvent(event.data)
		};
		case "permission.created":
		case "permission.updated":
		case "permission.deleted": return {
			...eventBase,
			event: event.event,
			data: deserializePermission(event.data)
		};
		case "session.created":
		case "session.revoked": return {
			...eventBase,
			event: event.event,
			data: deserializeSession(event.data)
		};
		case "organization.created":
		case "organization.updated":
		case "organization.deleted": return {
			...eventBase,
			event: event.event,
			data: deserializeOrganization(event.data)
		};
		case "organization_domain.verification_failed": return {
			...eventBase,
			event: event.event,
			data: deserializeOrganizationDomainVerificationFailed(event.data)
		};
		case "organization_domain.verified":
		case "organization_domain.created":
		case "organization_domain.updated":
		case "organization_domain.deleted": return {
			...eventBase,
			event: event.event,
			data: deserializeOrganizationDomain(event.data)
		};
		case "api_key.created":
		case "api_key.revoked": return {
			...eventBase,
			event: event.event,
			data: deserializeApiKey(event.data)
		};
		case "flag.created":
		case "flag.updated":
		case "flag.deleted":
		case "flag.rule_updated": return {
			...eventBase,
			event: event.event,
			data: deserializeFeatureFlag(event.data)
		};
		case "group.created":
		case "group.updated":
		case "group.deleted": return {
			...eventBase,
			event: event.event,
			data: deserializeGroup(event.data)
		};
		case "group.member_added":
		case "group.member_removed": return {
			...eventBase,
			event: event.event,
			data: {
				groupId: event.data.group_id,
				organizationMembershipId: event.data.organization_membership_id
			}
		};
		case "pipes.connected_account.connected":
		case "pipes.connected_account.disconnected":
		case "pipes.connected_account.reauthorization_needed": return {
			...eventBase,
			event: event.event,
			data: deserializePipesConnectedAccount(event.data)
		};
		case "pipes.connected_account.connection_failed": return {
			...eventBase,
			event: event.event,
			data: deserializePipesConnectionFailed(event.data)
		};
		case "vault.data.created": return {
			...eventBase,
			event: event.event,
			data: deserializeVaultDataCreatedEvent(event.data)
		};
		case "vault.data.updated": return {
			...eventBase,
			event: event.event,
			data: deserializeVaultDataUpdatedEvent(event.data)
		};
		case "vault.data.read": return {
			...eventBase,
			event: event.event,
			data: deserializeVaultDataReadEvent(event.data)
		};
		case "vault.data.deleted": return {
			...eventBase,
			event: event.event,
			data: deserializeVaultDataDeletedEvent(event.data)
		};
		case "vault.names.listed": return {
			...eventBase,
			event: event.event,
			data: deserializeVaultNamesListedEvent(event.data)
		};
		case "vault.metadata.read": return {
			...eventBase,
			event: event.event,
			data: deserializeVaultMetadataReadEvent(event.data)
		};
		case "vault.kek.created": return {
			...eventBase,
			event: event.event,
			data: deserializeVaultKekCreatedEvent(event.data)
		};
		case "vault.dek.read": return {
			...eventBase,
			event: event.event,
			data: deserializeVaultDekReadEvent(event.data)
		};
		case "vault.dek.decrypted": return {
			...eventBase,
			event: event.event,
			data: deserializeVaultDekDecryptedEvent(event.data)
		};
		case "vault.byok_key.verification_completed": return {
			...eventBase,
			event: event.event,
			data: deserializeVaultByokKeyVerificationCompletedEvent(event.data)
		};
		default: return {
			...eventBase,
			event: event.event,
			data: event.data
		};
	}
};
//#endregion
//#region src/common/serializers/list.serializer.ts
const deserializeList = (list, deserializer) => ({
	object: "list",
	data: list.data.map(deserializer),
	listMetadata: list.list_metadata
});
//#endregion
//#region src/common/serializers/pagination-options.serializer.ts
const serializePaginationOptions = (options) => ({
	...options.limit !== void 0 && { limit: options.limit },
	...options.after && { after: options.after },
	...options.before && { before: options.before },
	...options.order && { order: options.order }
});
//#endregion
//#region src/common/utils/fetch-and-deserialize.ts
const setDefaultOptions = (options) => {
	return {
		...options,
		order: options?.order || "desc"
	};
};
const fetchAndDeserialize = async (workos, endpoint, deserializeFn, options, requestOptions) => {
	const { data } = await workos.get(endpoint, {
		query: setDefaultOptions(options),
		...requestOptions
	});
	return deserializeList(data, deserializeFn);
};
//#endregion
//#region src/webhooks/serializers/webhook-endpoint.serializer.ts
const deserializeWebhookEndpoint = (response) => ({
	object: response.object,
	id: response.id,
	endpointUrl: response.endpoint_url,
	secret: response.secret,
	status: response.status,
	events: response.events,
	createdAt: new Date(response.created_at),
	updatedAt: new Date(response.updated_at)
});
//#endregion
//#region src/webhooks/serializers/create-webhook-endpoint.serializer.ts
const serializeCreateWebhookEndpoint = (model) => ({
	endpoint_url: model.endpointUrl,
	events: model.events
});
//#endregion
//#region src/webhooks/serializers/update-webhook-endpoint.serializer.ts
const serializeUpdateWebhookEndpoint = (model) => ({
	endpoint_url: model.endpointUrl,
	status: model.status,
	events: model.events
});
//#endregion
//#region src/webhooks/webhooks.ts
var Webhooks = class {
	workos;
	constructor(workos) {
		this.workos = workos;
	}
	/**
	* List Webhook Endpoints
	*
	* Get a list of all of your existing webhook endpoints.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<WebhookEndpoint, PaginationOptions>>}
	*/
	async listWebhookEndpoints(options) {
		const paginationOptions = options;
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, "/webhook_endpoints", deserializeWebhookEndpoint, paginationOptions), (params) => fetchAndDeserialize(this.workos, "/webhook_endpoints", deserializeWebhookEndpoint, params), paginationOptions);
	}
	/**
	* Create a Webhook Endpoint
	*
	* Create a new webhook endpoint to receive event notifications.
	* @param options - Object containing endpointUrl, events.
	* @param options.endpointUrl - The HTTPS URL where webhooks will be sent.
	* @example "https://example.com/webhooks"
	* @param options.events - The events that the Webhook Endpoint is subscribed to.
	* @example ["user.created","dsync.user.created"]
	* @returns {Promise<WebhookEndpoint>}
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async createWebhookEndpoint(options) {
		const payload = options;
		const { data } = await this.workos.post("/webhook_endpoints", serializeCreateWebhookEndpoint(payload));
		return deserializeWebhookEndpoint(data);
	}
	/**
	* Update a Webhook Endpoint
	*
	* Update the properties of an existing webhook endpoint.
	* @param options - The request body.
	* @param options.id - Unique identifier of the Webhook Endpoint.
	* @example "we_0123456789"
	* @param options.endpointUrl - The HTTPS URL where webhooks will be sent.
	* @example "https://example.com/webhooks"
	* @param options.status - Whether the Webhook Endpoint is enabled or disabled.
	* @example "enabled"
	* @param options.events - The events that the Webhook Endpoint is subscribed to.
	* @example ["user.created","dsync.user.created"]
	* @returns {Promise<WebhookEndpoint>}
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async updateWebhookEndpoint(options) {
		const { id, ...payload } = options;
		const { data } = await this.workos.patch(`/webhook_endpoints/${encodeURIComponent(id)}`, serializeUpdateWebhookEndpoint(payload));
		return deserializeWebhookEndpoint(data);
	}
	/**
	* Delete a Webhook Endpoint
	*
	* Delete an existing webhook endpoint.
	* @param options - The request options.
	* @param options.id - Unique identifier of the Webhook Endpoint.
	* @example "we_0123456789"
	* @returns {Promise<void>}
	* @throws {NotFoundException} 404
	*/
	async deleteWebhookEndpoint(options) {
		const { id } = options;
		await this.workos.delete(`/webhook_endpoints/${encodeURIComponent(id)}`);
	}
	_signatureProvider;
	get signatureProvider() {
		if (!this._signatureProvider) this._signatureProvider = new SignatureProvider(this.workos.getCryptoProvider());
		return this._signatureProvider;
	}
	get verifyHeader() {
		return this.signatureProvider.verifyHeader.bind(this.signatureProvider);
	}
	get computeSignature() {
		return this.signatureProvider.computeSignature.bind(this.signatureProvider);
	}
	get getTimestampAndSignatureHash() {
		return this.signatureProvider.getTimestampAndSignatureHash.bind(this.signatureProvider);
	}
	async constructEvent({ payload, sigHeader, secret, tolerance = 18e4 }) {
		const options = {
			payload,
			sigHeader,
			secret,
			tolerance
		};
		await this.verifyHeader(options);
		const webhookPayload = this.parseVerifiedPayload(payload);
		return deserializeEvent(webhookPayload);
	}
	parseVerifiedPayload(payload) {
		if (typeof payload === "object" && !isBinaryPayload(payload)) return payload;
		return JSON.parse(decodePayloadToString(payload));
	}
};
//#endregion
//#region src/pkce/pkce.ts
/**
* PKCE (Proof Key for Code Exchange) utilities for OAuth 2.0 public clients.
*
* Implements RFC 7636 for secure authorization code exchange without a client secret.
* Used by Electron apps, React Native/mobile apps, CLI tools, and other public clients.
*/
var PKCE = class {
	/**
	* Generate a cryptographically random code verifier.
	*
	* @param length - Length of verifier (43-128, default 43)
	* @returns RFC 7636 compliant code verifier
	*/
	generateCodeVerifier(length = 43) {
		if (length < 43 || length > 128) throw new RangeError(`Code verifier length must be between 43 and 128, got ${length}`);
		const byteLength = Math.ceil(length * 3 / 4);
		const randomBytes = new Uint8Array(byteLength);
		crypto.getRandomValues(randomBytes);
		return this.base64UrlEncode(randomBytes).slice(0, length);
	}
	/**
	* Generate S256 code challenge from a verifier.
	*
	* @param verifier - The code verifier
	* @returns Base64URL-encoded SHA256 hash
	*/
	async generateCodeChallenge(verifier) {
		const data = new TextEncoder().encode(verifier);
		const hash = await crypto.subtle.digest("SHA-256", data);
		return this.base64UrlEncode(new Uint8Array(hash));
	}
	/**
	* Generate a complete PKCE pair (verifier + challenge).
	*
	* @returns Code verifier, challenge, and method ('S256')
	*/
	async generate() {
		const codeVerifier = this.generateCodeVerifier();
		return {
			codeVerifier,
			codeChallenge: await this.generateCodeChallenge(codeVerifier),
			codeChallengeMethod: "S256"
		};
	}
	base64UrlEncode(buffer) {
		return btoa(String.fromCharCode(...buffer)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
	}
};
//#endregion
//#region src/utils/jose.ts
let _josePromise;
/**
* Dynamically imports the jose library using import() to support Node.js 20.0-20.18.
*
* The jose library is ESM-only and cannot be loaded via require() in Node.js versions
* before 20.19.0. This wrapper uses dynamic import() which works in both ESM and CJS
* across all Node.js 20+ versions.
*
* This workaround can be removed when Node.js 20 reaches end-of-life (April 2026),
* at which point we can bump to Node.js 22+ and use direct imports.
*
* @returns Promise that resolves to the jose module
*/
function getJose() {
	return _josePromise ??= __webpack_require__.e(/* import() */ 582).then(__webpack_require__.bind(__webpack_require__, 70582));
}
//#endregion
//#region src/agents/serializers/agent-blueprint.serializer.ts
function deserializeAgentBlueprint(blueprint) {
	return {
		object: blueprint.object,
		id: blueprint.id,
		name: blueprint.name,
		description: blueprint.description,
		permissions: blueprint.permissions,
		invocableBy: {
			roleSlugs: blueprint.invocable_by.role_slugs,
			organizationIds: blueprint.invocable_by.organization_ids
		},
		sessionSettings: {
			maxAgeSeconds: blueprint.session_settings.max_age_seconds,
			accessTokenTtlSeconds: blueprint.session_settings.access_token_ttl_seconds,
			refreshTokenTtlSeconds: blueprint.session_settings.refresh_token_ttl_seconds
		},
		createdAt: blueprint.created_at,
		updatedAt: blueprint.updated_at
	};
}
function serializeCreateAgentBlueprintOptions(options) {
	return {
		name: options.name,
		...options.description !== void 0 && { description: options.description },
		...options.permissions !== void 0 && { permissions: options.permissions },
		...options.invocableBy !== void 0 && { invocable_by: {
			...options.invocableBy.roleSlugs !== void 0 && { role_slugs: options.invocableBy.roleSlugs },
			...options.invocableBy.organizationIds !== void 0 && { organization_ids: options.invocableBy.organizationIds }
		} },
		session_settings: {
			max_age_seconds: options.sessionSettings.maxAgeSeconds,
			access_token_ttl_seconds: options.sessionSettings.accessTokenTtlSeconds,
			refresh_token_ttl_seconds: options.sessionSettings.refreshTokenTtlSeconds
		}
	};
}
function serializeUpdateAgentBlueprintOptions(options) {
	return {
		...options.name !== void 0 && { name: options.name },
		...options.description !== void 0 && { description: options.description },
		...options.permissions !== void 0 && { permissions: options.permissions },
		...options.invocableBy !== void 0 && { invocable_by: {
			...options.invocableBy.roleSlugs !== void 0 && { role_slugs: options.invocableBy.roleSlugs },
			...options.invocableBy.organizationIds !== void 0 && { organization_ids: options.invocableBy.organizationIds }
		} },
		...options.sessionSettings !== void 0 && { session_settings: {
			...options.sessionSettings.maxAgeSeconds !== void 0 && { max_age_seconds: options.sessionSettings.maxAgeSeconds },
			...options.sessionSettings.accessTokenTtlSeconds !== void 0 && { access_token_ttl_seconds: options.sessionSettings.accessTokenTtlSeconds },
			...options.sessionSettings.refreshTokenTtlSeconds !== void 0 && { refresh_token_ttl_seconds: options.sessionSettings.refreshTokenTtlSeconds }
		} }
	};
}
//#endregion
//#region src/agents/serializers/agent-instance-session.serializer.ts
function deserializeAgentInstanceSession(session) {
	return {
		object: session.object,
		id: session.id,
		agentInstanceId: session.agent_instance_id,
		status: session.status,
		expiresAt: session.expires_at,
		revokedAt: session.revoked_at,
		createdAt: session.created_at,
		updatedAt: session.updated_at
	};
}
function serializeListAgentInstanceSessionsOptions(options) {
	return {
		agent_blueprint_id: options.agentBlueprintId,
		agent_instance_id: options.agentInstanceId,
		limit: options.limit,
		before: options.before,
		after: options.after,
		order: options.order
	};
}
//#endregion
//#region src/agents/serializers/agent-instance.serializer.ts
function deserializeAgentInstance(instance) {
	return {
		object: instance.object,
		id: instance.id,
		agentBlueprintId: instance.agent_blueprint_id,
		organizationId: instance.organization_id,
		organizationMembershipId: instance.organization_membership_id,
		type: instance.type,
		createdAt: instance.created_at,
		updatedAt: instance.updated_at
	};
}
function serializeListAgentInstancesOptions(options) {
	return {
		organization_id: options.organizationId,
		agent_blueprint_id: options.agentBlueprintId,
		limit: options.limit,
		before: options.before,
		after: options.after,
		order: options.order
	};
}
//#endregion
//#region src/agents/serializers/agent-registration.serializer.ts
function deserializeAgentRegistration(registration) {
	return {
		id: registration.id,
		agentIdentity: {
			id: registration.agent_identity.id,
			userlandUserId: registration.agent_identity.userland_user_id,
			createdAt: registration.agent_identity.created_at,
			updatedAt: registration.agent_identity.updated_at
		},
		organizationId: registration.organization_id,
		status: registration.status,
		kind: registration.kind,
		claim: registration.claim ? {
			id: registration.claim.id,
			claimCompletion: registration.claim.claim_completion ? {
				id: registration.claim.claim_completion.id,
				createdAt: registration.claim.claim_completion.created_at,
				updatedAt: registration.claim.claim_completion.updated_at,
				expiresAt: registration.claim.claim_completion.expires_at,
				claimedAt: registration.claim.claim_completion.claimed_at
			} : null,
			createdAt: registration.claim.created_at,
			updatedAt: registration.claim.updated_at,
			expiresAt: registration.claim.expires_at
		} : null,
		createdAt: registration.created_at,
		updatedAt: registration.updated_at
	};
}
//#endregion
//#region src/agents/serializers/agent-token.serializer.ts
function deserializeAgentToken(token) {
	return {
		accessToken: token.access_token,
		tokenType: token.token_type,
		expiresIn: token.expires_in,
		refreshToken: token.refresh_token,
		agentInstanceId: token.agent_instance_id,
		newInstance: token.new_instance,
		agentInstanceSessionId: token.agent_instance_session_id,
		permissions: token.permissions
	};
}
function serializeMintAgentTokenOptions(options) {
	const intent = options.intent !== void 0 ? { intent: options.intent } : {};
	switch (options.type) {
		case "user_delegated": return {
			type: "user_delegated",
			user_access_token: options.userAccessToken,
			...intent
		};
		case "autonomous": return {
			type: "autonomous",
			organization_id: options.organizationId,
			...intent
		};
		case "agent_delegated": return {
			type: "agent_delegated",
			agent_access_token: options.agentAccessToken,
			...intent
		};
		case "refresh": return {
			type: "refresh",
			refresh_token: options.refreshToken,
			...intent
		};
	}
}
//#endregion
//#region src/agents/serializers/claim-attempt.serializer.ts
function serializeLinkClaimAttemptToExternalUserOptions(options) {
	return {
		type: "link_external_user",
		claim_attempt_token: options.claimAttemptToken,
		user: {
			email: options.user.email,
			external_id: options.user.externalId
		},
		...options.organizationId !== void 0 && { organization_id: options.organizationId }
	};
}
function deserializeClaimAttemptResponse(response) {
	return {
		id: response.id,
		status: response.status,
		userCode: response.user_code,
		organizations: response.organizations
	};
}
//#endregion
//#region src/agents/serializers/validate-agent-credential.serializer.ts
function serializeValidateAgentCredentialOptions(options) {
	return {
		type: options.type,
		credential: options.credential,
		...options.type === "access_token" && options.audience !== void 0 && { audience: options.audience }
	};
}
function deserializeAgentCredentialValidation(validation) {
	if (!validation.valid || validation.registration_id == null) return {
		valid: false,
		registrationId: null,
		expiresAt: null,
		claims: null
	};
	return {
		valid: true,
		registrationId: validation.registration_id,
		expiresAt: validation.expires_at,
		claims: null
	};
}
function deserializeAgentAccessTokenClaims(payload) {
	return {
		issuer: payload.iss,
		audience: payload.aud,
		registrationId: payload.sub,
		jti: payload.jti,
		organizationId: payload.org_id,
		scope: payload.scope,
		actor: payload.act,
		expiresAt: payload.exp,
		issuedAt: payload.iat
	};
}
//#endregion
//#region src/agents/agents.ts
/**
* A decoded JWT payload is only an agent credential if it carries every claim
* the SDK guarantees. A token signed by the same JWKS for another purpose
* (e.g. a user session) lacks these and is rejected rather than reported valid
* with empty identifiers.
*/
function hasRequiredAgentClaims(payload) {
	return typeof payload.iss === "string" && (typeof payload.aud === "string" || Array.isArray(payload.aud)) && typeof payload.sub === "string" && typeof payload.jti === "string" && typeof payload.org_id === "string" && typeof payload.exp === "number" && typeof payload.iat === "number";
}
var Agents = class {
	workos;
	_jwks;
	constructor(workos) {
		this.workos = workos;
	}
	/**
	* Create an agent blueprint
	*
	* Creates an agent blueprint: the template describing what an agent may do
	* (its permission ceiling), who may invoke it, and the lifetimes of its
	* sessions.
	*
	* @param options - Configuration for the new agent blueprint.
	* @returns {Promise<AgentBlueprint>}
	* @throws {BadRequestException} 400
	* @throws {ConflictException} 409 - Name already in use.
	* @throws {UnprocessableEntityException} 422 - Permission, role, or organization not found.
	*/
	async createBlueprint(options) {
		const { data } = await this.workos.post("/agents/blueprints", serializeCreateAgentBlueprintOptions(options));
		return deserializeAgentBlueprint(data);
	}
	/**
	* List agent blueprints
	*
	* Lists the agent blueprints in the current environment.
	*
	* @param options - Pagination options.
	* @returns {Promise<AutoPaginatable<AgentBlueprint, ListAgentBlueprintsOptions>>}
	*/
	async listBlueprints(options) {
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, "/agents/blueprints", deserializeAgentBlueprint, options), (params) => fetchAndDeserialize(this.workos, "/agents/blueprints", deserializeAgentBlueprint, params), options);
	}
	/**
	* Get an agent blueprint
	*
	* Retrieves an agent blueprint by ID.
	* @param agentBlueprintId - Unique identifier of the agent blueprint.
	*
	* @example
	* "agent_blueprint_01EHWNCE74X7JSDV0X3SZ3KJNY"
	*
	* @returns {Promise<AgentBlueprint>}
	* @throws {NotFoundException} 404
	*/
	async getBlueprint(agentBlueprintId) {
		const { data } = await this.workos.get(`/agents/blueprints/${encodeURIComponent(agentBlueprintId)}`);
		return deserializeAgentBlueprint(data);
	}
	/**
	* Update an agent blueprint
	*
	* Updates an agent blueprint. Omitted fields are left unchanged; provided
	* lists replace the existing configuration.
	*
	* @param options - Object containing the agent blueprint ID and the fields to update.
	* @returns {Promise<AgentBlueprint>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409 - Name already in use.
	* @throws {UnprocessableEntityException} 422 - Permission, role, or organization not found.
	*/
	async updateBlueprint(options) {
		const { agentBlueprintId, ...payload } = options;
		const { data } = await this.workos.patch(`/agents/blueprints/${encodeURIComponent(agentBlueprintId)}`, serializeUpdateAgentBlueprintOptions(payload));
		return deserializeAgentBlueprint(data);
	}
	/**
	* Delete an agent blueprint
	*
	* Deletes an agent blueprint by ID.
	* @param agentBlueprintId - Unique identifier of the agent blueprint.
	*
	* @example
	* "agent_blueprint_01EHWNCE74X7JSDV0X3SZ3KJNY"
	*
	* @returns {Promise<void>}
	* @throws {NotFoundException} 404
	*/
	async deleteBlueprint(agentBlueprintId) {
		await this.workos.delete(`/agents/blueprints/${encodeURIComponent(agentBlueprintId)}`);
	}
	/**
	* Mint an agent token
	*
	* Mints tokens for an agent session from a blueprint. Supports
	* user-delegated, autonomous, and agent-delegated mints, as well as
	* refreshing an existing session with a refresh token.
	*
	* @param options - Object containing the agent blueprint ID, the mint type, and its credentials.
	* @returns {Promise<AgentToken>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	*/
	async mintToken(options) {
		const { data } = await this.workos.post(`/agents/blueprints/${encodeURIComponent(options.agentBlueprintId)}/tokens`, serializeMintAgentTokenOptions(options));
		return deserializeAgentToken(data);
	}
	/**
	* List agent instances
	*
	* Lists the agent instances in the current environment, optionally filtered
	* by organization or agent blueprint.
	*
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<AgentInstance, SerializedListAgentInstancesOptions>>}
	*/
	async listInstances(options) {
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, "/agents/instances", deserializeAgentInstance, options ? serializeListAgentInstancesOptions(options) : void 0), (params) => fetchAndDeserialize(this.workos, "/agents/instances", deserializeAgentInstance, params), options ? serializeListAgentInstancesOptions(options) : void 0);
	}
	/**
	* Get an agent instance
	*
	* Retrieves an agent instance by ID.
	* @param agentInstanceId - Unique identifier of the agent instance.
	*
	* @example
	* "agent_instance_01EHWNCE74X7JSDV0X3SZ3KJNY"
	*
	* @returns {Promise<AgentInstance>}
	* @throws {NotFoundException} 404
	*/
	async getInstance(agentInstanceId) {
		const { data } = await this.workos.get(`/agents/instances/${encodeURIComponent(agentInstanceId)}`);
		return deserializeAgentInstance(data);
	}
	/**
	* Delete an agent instance
	*
	* Deletes an agent instance by ID.
	* @param agentInstanceId - Unique identifier of the agent instance.
	*
	* @example
	* "agent_instance_01EHWNCE74X7JSDV0X3SZ3KJNY"
	*
	* @returns {Promise<void>}
	* @throws {NotFoundException} 404
	*/
	async deleteInstance(agentInstanceId) {
		await this.workos.delete(`/agents/instances/${encodeURIComponent(agentInstanceId)}`);
	}
	/**
	* List agent instance sessions
	*
	* Lists the agent instance sessions in the current environment, optionally
	* filtered by agent blueprint or agent instance.
	*
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<AgentInstanceSession, SerializedListAgentInstanceSessionsOptions>>}
	*/
	async listInstanceSessions(options) {
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, "/agents/sessions", deserializeAgentInstanceSession, options ? serializeListAgentInstanceSessionsOptions(options) : void 0), (params) => fetchAndDeserialize(this.workos, "/agents/sessions", deserializeAgentInstanceSession, params), options ? serializeListAgentInstanceSessionsOptions(options) : void 0);
	}
	/**
	* Get an agent instance session
	*
	* Retrieves an agent instance session by ID.
	* @param agentInstanceSessionId - Unique identifier of the agent instance session.
	*
	* @example
	* "agent_instance_session_01EHWNCE74X7JSDV0X3SZ3KJNY"
	*
	* @returns {Promise<AgentInstanceSession>}
	* @throws {NotFoundException} 404
	*/
	async getInstanceSession(agentInstanceSessionId) {
		const { data } = await this.workos.get(`/agents/sessions/${encodeURIComponent(agentInstanceSessionId)}`);
		return deserializeAgentInstanceSession(data);
	}
	/**
	* Revoke an agent instance session
	*
	* Revokes an agent instance session by ID, invalidating its tokens.
	* @param agentInstanceSessionId - Unique identifier of the agent instance session.
	*
	* @example
	* "agent_instance_session_01EHWNCE74X7JSDV0X3SZ3KJNY"
	*
	* @returns {Promise<AgentInstanceSession>}
	* @throws {NotFoundException} 404
	*/
	async revokeInstanceSession(agentInstanceSessionId) {
		const { data } = await this.workos.post(`/agents/sessions/${encodeURIComponent(agentInstanceSessionId)}/revoke`, {});
		return deserializeAgentInstanceSession(data);
	}
	/**
	* Link a claim attempt to an external user
	*
	* Link an external user to a claim attempt and retrieve the code needed
	* for the agent to complete the claim. The user is looked up by external
	* ID; if no user exists, one is created. When the user belongs to multiple
	* organizations, an explicit organization must be provided.
	*
	* @param options - Object containing the claim attempt token, user details, and optional organization ID.
	* @returns {Promise<ClaimAttemptResponse>}
	* @throws {BadRequestException} 400 - Invalid request, email mismatch, or wrong account.
	* @throws {ForbiddenException} 403 - Claim denied or auth method disabled.
	* @throws {ConflictException} 409 - Organization selection required, external ID conflict, or already claimed.
	* @throws {GoneException} 410 - Claim or user code expired.
	*/
	async linkClaimAttemptToExternalUser(options) {
		const { data } = await this.workos.patch("/agents/claims/attempts", serializeLinkClaimAttemptToExternalUserOptions(options));
		return deserializeClaimAttemptResponse(data);
	}
	/**
	* Get an agent registration
	*
	* Retrieve a single agent registration scoped to the API key's environment.
	* @param id - Unique identifier of the agent registration.
	*
	* @example
	* "agent_reg_01EHZNVPK3SFK441A1RGBFSHRT"
	*
	* @returns {Promise<AgentRegistration>}
	* @throws {NotFoundException} 404
	*/
	async getRegistration(id) {
		const { data } = await this.workos.get(`/agents/registrations/${encodeURIComponent(id)}`);
		return deserializeAgentRegistration(data);
	}
	/**
	* Validate an agent credential
	*
	* For `access_token` credentials, the token is decoded and verified locally
	* against the environment's JWKS and its claims are returned — no network
	* request is made unless `checkForRevoked` is set, in which case the WorkOS
	* API is also called to confirm the token has not been revoked.
	*
	* For `api_key` credentials, the WorkOS API is always called to validate the
	* key against the environment.
	*
	* @param options - Object containing the credential type and value.
	* @returns {Promise<AgentCredentialValidation>}
	*/
	async validateCredential(options) {
		if (options.type === "access_token") return this.validateAccessToken(options);
		return this.validateCredentialRemotely(options);
	}
	async validateAccessToken(options) {
		const claims = await this.verifyAccessTokenClaims(options.credential, options.audience);
		if (!claims) return {
			valid: false,
			registrationId: null,
			expiresAt: null,
			claims: null
		};
		if (!options.checkForRevoked) return {
			valid: true,
			registrationId: claims.registrationId,
			expiresAt: (/* @__PURE__ */ new Date(claims.expiresAt * 1e3)).toISOString(),
			claims
		};
		const remote = await this.validateCredentialRemotely(options);
		if (!remote.valid) return remote;
		if (remote.registrationId !== claims.registrationId) return {
			valid: false,
			registrationId: null,
			expiresAt: null,
			claims: null
		};
		return {
			...remote,
			claims
		};
	}
	async validateCredentialRemotely(options) {
		const { data } = await this.workos.post("/agents/credentials/validate", serializeValidateAgentCredentialOptions(options));
		return deserializeAgentCredentialValidation(data);
	}
	/**
	* Verifies an access token's signature, audience, and time claims against the
	* environment's JWKS and returns its decoded claims, or `null` when the token
	* is invalid (bad signature, wrong audience, expired, malformed, or missing
	* the agent identity claims). Errors that are not JWT validation failures
	* (e.g. network errors fetching the JWKS) propagate.
	*
	* The audience defaults to the client ID; resource-scoped tokens carry the
	* resource as their audience and require it to be passed explicitly.
	*/
	async verifyAccessTokenClaims(credential, audience) {
		const { jwtVerify } = await getJose();
		const jwks = await this.getJWKS();
		try {
			const { payload } = await jwtVerify(credential, jwks, { audience: audience ?? this.workos.clientId });
			if (!hasRequiredAgentClaims(payload)) return null;
			if (payload.exp * 1e3 <= Date.now()) return null;
			return deserializeAgentAccessTokenClaims(payload);
		} catch (e) {
			if (e instanceof Error && "code" in e && typeof e.code === "string" && (e.code.startsWith("ERR_JWT_") || e.code.startsWith("ERR_JWS_"))) return null;
			throw e;
		}
	}
	async getJWKS() {
		const { clientId } = this.workos;
		if (!clientId) throw new Error("Missing client ID. Did you provide it when initializing WorkOS?");
		const { createRemoteJWKSet } = await getJose();
		this._jwks ??= createRemoteJWKSet(new URL(`${this.workos.baseURL}/sso/jwks/${clientId}`), { cooldownDuration: 3e5 });
		return this._jwks;
	}
};
//#endregion
//#region src/api-keys/serializers/create-organization-api-key-options.serializer.ts
function serializeCreateOrganizationApiKeyOptions(options) {
	return {
		name: options.name,
		permissions: options.permissions
	};
}
//#endregion
//#region src/api-keys/serializers/created-api-key.serializer.ts
function deserializeCreatedApiKey(apiKey) {
	return {
		object: apiKey.object,
		id: apiKey.id,
		owner: apiKey.owner,
		name: apiKey.name,
		obfuscatedValue: apiKey.obfuscated_value,
		value: apiKey.value,
		lastUsedAt: apiKey.last_used_at,
		permissions: apiKey.permissions,
		createdAt: apiKey.created_at,
		updatedAt: apiKey.updated_at
	};
}
//#endregion
//#region src/api-keys/serializers/validate-api-key.serializer.ts
function deserializeValidateApiKeyResponse(response) {
	return {
		apiKey: response.api_key ? deserializeApiKey(response.api_key) : null,
		...typeof response.agent_registration_id === "undefined" ? void 0 : { agentRegistrationId: response.agent_registration_id }
	};
}
//#endregion
//#region src/api-keys/api-keys.ts
var ApiKeys = class {
	workos;
	constructor(workos) {
		this.workos = workos;
	}
	/**
	* Validate API key
	*
	* Validate an API key value and return the API key object if valid.
	* @param payload - Object containing value.
	* @returns {Promise<ApiKeyValidationResponse>}
	* @throws {UnauthorizedException} 401
	* @throws {UnprocessableEntityException} 422
	*/
	async createValidation(payload) {
		const { data } = await this.workos.post("/api_keys/validations", payload);
		return deserializeValidateApiKeyResponse(data);
	}
	/**
	* Delete an API key
	*
	* Permanently deletes an API key. This action cannot be undone. Once deleted, any requests using this API key will fail authentication.
	* @param id - The unique ID of the API key.
	*
	* @example
	* "api_key_01EHZNVPK3SFK441A1RGBFSHRT"
	*
	* @returns {Promise<void>}
	* @throws {NotFoundException} 404
	*/
	async deleteApiKey(id) {
		await this.workos.delete(`/api_keys/${encodeURIComponent(id)}`);
	}
	/**
	* List API keys for an organization
	*
	* Get a list of all API keys for an organization.
	* @param organizationId - Unique identifier of the Organization.
	*
	* @example
	* "org_01EHZNVPK3SFK441A1RGBFSHRT"
	*
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<ApiKey>>}
	* @throws {NotFoundException} 404
	*/
	async listOrganizationApiKeys(options) {
		const { organizationId, ...paginationOptions } = options;
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, `/organizations/${encodeURIComponent(organizationId)}/api_keys`, deserializeApiKey, paginationOptions), (params) => fetchAndDeserialize(this.workos, `/organizations/${encodeURIComponent(organizationId)}/api_keys`, deserializeApiKey, params), paginationOptions);
	}
	/**
	* Create an API key for an organization
	*
	* Create a new API key for an organization.
	* @param organizationId - Unique identifier of the Organization.
	*
	* @example
	* "org_01EHZNVPK3SFK441A1RGBFSHRT"
	*
	* @param options - Object containing name.
	* @returns {Promise<ApiKeyWithValue>}
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async createOrganizationApiKey(options, requestOptions = {}) {
		const { organizationId } = options;
		const { data } = await this.workos.post(`/organizations/${encodeURIComponent(organizationId)}/api_keys`, serializeCreateOrganizationApiKeyOptions(options), requestOptions);
		return deserializeCreatedApiKey(data);
	}
};
//#endregion
//#region src/connect/serializers/external-auth-complete-response.serializer.ts
const deserializeExternalAuthCompleteResponse = (response) => ({ redirectUri: response.redirect_uri });
//#endregion
//#region src/connect/serializers/connect-application-redirect-uri.serializer.ts
const deserializeConnectApplicationRedirectUri = (response) => ({
	uri: response.uri,
	default: response.default
});
//#endregion
//#region src/connect/serializers/connect-application.serializer.ts
const deserializeConnectApplication = (response) => {
	switch (response.application_type) {
		case "oauth": return {
			object: response.object,
			id: response.id,
			clientId: response.client_id,
			description: response.description,
			name: response.name,
			scopes: response.scopes,
			createdAt: new Date(response.created_at),
			updatedAt: new Date(response.updated_at),
			applicationType: "oauth",
			redirectUris: response.redirect_uris.map(deserializeConnectApplicationRedirectUri),
			usesPkce: response.uses_pkce,
			isFirstParty: response.is_first_party,
			wasDynamicallyRegistered: response.was_dynamically_registered,
			organizationId: response.organization_id
		};
		case "m2m": return {
			object: response.object,
			id: response.id,
			clientId: response.client_id,
			description: response.description,
			name: response.name,
			scopes: response.scopes,
			createdAt: new Date(response.created_at),
			updatedAt: new Date(response.updated_at),
			applicationType: "m2m",
			organizationId: response.organization_id
		};
		default: throw new Error(`Unknown application_type: ${response.application_type}`);
	}
};
//#endregion
//#region src/connect/serializers/application-credentials-list-item.serializer.ts
const deserializeApplicationCredentialsListItem = (response) => ({
	object: response.object,
	id: response.id,
	secretHint: response.secret_hint,
	lastUsedAt: response.last_used_at != null ? new Date(response.last_used_at) : null,
	createdAt: new Date(response.created_at),
	updatedAt: new Date(response.updated_at)
});
//#endregion
//#region src/connect/serializers/new-connect-application-secret.serializer.ts
const deserializeNewConnectApplicationSecret = (response) => ({
	object: response.object,
	id: response.id,
	secretHint: response.secret_hint,
	lastUsedAt: response.last_used_at != null ? new Date(response.last_used_at) : null,
	createdAt: new Date(response.created_at),
	updatedAt: new Date(response.updated_at),
	secret: response.secret
});
//#endregion
//#region src/connect/serializers/user-object.serializer.ts
const serializeUserObject = (model) => ({
	id: model.id,
	email: model.email,
	first_name: model.firstName,
	last_name: model.lastName,
	metadata: model.metadata
});
//#endregion
//#region src/connect/serializers/user-consent-option-choice.serializer.ts
const serializeUserConsentOptionChoice = (model) => ({
	value: model.value,
	label: model.label
});
//#endregion
//#region src/connect/serializers/user-consent-option.serializer.ts
const serializeUserConsentOption = (model) => ({
	claim: model.claim,
	type: model.type,
	label: model.label,
	choices: model.choices.map(serializeUserConsentOptionChoice)
});
//#endregion
//#region src/connect/serializers/user-management-login-request.serializer.ts
const serializeUserManagementLoginRequest = (model) => ({
	external_auth_id: model.externalAuthId,
	user: serializeUserObject(model.user),
	user_consent_options: model.userConsentOptions != null ? model.userConsentOptions.map(serializeUserConsentOption) : void 0
});
//#endregion
//#region src/connect/serializers/redirect-uri-input.serializer.ts
const serializeRedirectUriInput = (model) => ({
	uri: model.uri,
	default: model.default ?? null
});
//#endregion
//#region src/connect/serializers/create-oauth-application.serializer.ts
const serializeCreateOAuthApplication = (model) => ({
	name: model.name,
	application_type: model.applicationType,
	description: model.description ?? null,
	scopes: model.scopes ?? null,
	redirect_uris: model.redirectUris != null ? model.redirectUris.map(serializeRedirectUriInput) : null,
	uses_pkce: model.usesPkce ?? null,
	is_first_party: model.isFirstParty,
	organization_id: model.organizationId ?? null
});
//#endregion
//#region src/connect/serializers/create-m2m-application.serializer.ts
const serializeCreateM2MApplication = (model) => ({
	name: model.name,
	application_type: model.applicationType,
	description: model.description ?? null,
	scopes: model.scopes ?? null,
	organization_id: model.organizationId
});
//#endregion
//#region src/connect/serializers/update-oauth-application.serializer.ts
const serializeUpdateOAuthApplication = (model) => ({
	name: model.name,
	description: model.description ?? null,
	scopes: model.scopes ?? null,
	redirect_uris: model.redirectUris != null ? model.redirectUris.map(serializeRedirectUriInput) : null
});
//#endregion
//#region src/connect/serializers/create-application-secret.serializer.ts
const serializeCreateApplicationSecret = (_model) => ({});
//#endregion
//#region src/connect/connect.ts
const serializeListApplicationsOptions = (options) => {
	const wire = {
		limit: options.limit,
		before: options.before,
		after: options.after,
		order: options.order
	};
	if (options.organizationId !== void 0) wire.organization_id = options.organizationId;
	return wire;
};
var Connect = class {
	workos;
	constructor(workos) {
		this.workos = workos;
	}
	/**
	* Complete external authentication
	*
	* Completes an external authentication flow and returns control to AuthKit. This endpoint is used with [Standalone Connect](https://workos.com/docs/authkit/connect/standalone) to bridge your existing authentication system with the Connect OAuth API infrastructure.
	*
	* After successfully authenticating a user in your application, calling this endpoint will:
	*
	* - Create or update the user in AuthKit, using the given `id` as its `external_id`.
	* - Return a `redirect_uri` your application should redirect to in order for AuthKit to complete the flow
	*
	* Users are automatically created or updated based on the `id` and `email` provided. If a user with the same `id` exists, their information is updated. Otherwise, a new user is created.
	*
	* If you provide a new `id` with an `email` that already belongs to an existing user, the request will fail with an error as email addresses are unique to a user.
	* @param options - Object containing externalAuthId, user.
	* @param options.externalAuthId - Identifier provided when AuthKit redirected to your login page.
	* @example "ext_auth_01HXYZ123456789ABCDEFGHIJ"
	* @param options.user - The user to create or update in AuthKit.
	* @param options.userConsentOptions - Array of [User Consent Options](https://workos.com/docs/reference/workos-connect/standalone/user-consent-options) to store with the session.
	* @returns {Promise<ExternalAuthCompleteResponse>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async completeOAuth2(options) {
		const payload = options;
		const { data } = await this.workos.post("/authkit/oauth2/complete", serializeUserManagementLoginRequest(payload));
		return deserializeExternalAuthCompleteResponse(data);
	}
	/**
	* List Connect Applications
	*
	* List all Connect Applications in the current environment with optional filtering.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<ConnectApplication, ListApplicationsOptions>>}
	* @throws {UnprocessableEntityException} 422
	*/
	async listApplications(options) {
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, "/connect/applications", deserializeConnectApplication, options ? serializeListApplicationsOptions(options) : void 0), (params) => fetchAndDeserialize(this.workos, "/connect/applications", deserializeConnectApplication, params), options ? serializeListApplicationsOptions(options) : void 0);
	}
	/**
	* Create a Connect Application
	*
	* Create a new Connect Application. Supports both OAuth and Machine-to-Machine (M2M) application types.
	* @param options - The request body.
	* @returns {Promise<ConnectApplication>}
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async createApplication(options) {
		const payload = options;
		const { data } = await this.workos.post("/connect/applications", (() => {
			switch (payload.applicationType) {
				case "oauth": return serializeCreateOAuthApplication(payload);
				case "m2m": return serializeCreateM2MApplication(payload);
				default: throw new Error(`Unknown applicationType: ${payload.applicationType}`);
			}
		})());
		return deserializeConnectApplication(data);
	}
	/**
	* Create oauth application.
	* @param name - The name of the application.
	* @param isFirstParty - Whether this is a first-party application. Third-party applications require an organization_id.
	* @param description - A description for the application.
	* @param scopes - The OAuth scopes granted to the application.
	* @param redirectUris - Redirect URIs for the application.
	* @param usesPkce - Whether the application uses PKCE (Proof Key for Code Exchange).
	* @param organizationId - The organization ID this application belongs to. Required when is_first_party is false.
	* @returns {Promise<ConnectApplication>}
	*/
	async createOAuthApplication(name, isFirstParty, description, scopes, redirectUris, usesPkce, organizationId) {
		const body = {
			application_type: "oauth",
			name,
			is_first_party: isFirstParty
		};
		if (description !== void 0) body.description = description;
		if (scopes !== void 0) body.scopes = scopes;
		if (redirectUris !== void 0) body.redirect_uris = redirectUris;
		if (usesPkce !== void 0) body.uses_pkce = usesPkce;
		if (organizationId !== void 0) body.organization_id = organizationId;
		const { data } = await this.workos.post("/connect/applications", body);
		return deserializeConnectApplication(data);
	}
	/**
	* Create m2m application.
	* @param name - The name of the application.
	* @param organizationId - The organization ID this application belongs to.
	* @param description - A description for the application.
	* @param scopes - The OAuth scopes granted to the application.
	* @returns {Promise<ConnectApplication>}
	*/
	async createM2MApplication(name, organizationId, description, scopes) {
		const body = {
			application_type: "m2m",
			name,
			organization_id: organizationId
		};
		if (description !== void 0) body.description = description;
		if (scopes !== void 0) body.scopes = scopes;
		const { data } = await this.workos.post("/connect/applications", body);
		return deserializeConnectApplication(data);
	}
	/**
	* Get a Connect Application
	*
	* Retrieve details for a specific Connect Application by ID or client ID.
	* @param options - The request options.
	* @param options.id - The application ID or client ID of the Connect Application.
	* @example "conn_app_01HXYZ123456789ABCDEFGHIJ"
	* @returns {Promise<ConnectApplication>}
	* @throws {NotFoundException} 404
	*/
	async getApplication(options) {
		const { id } = options;
		const { data } = await this.workos.get(`/connect/applications/${encodeURIComponent(id)}`);
		return deserializeConnectApplication(data);
	}
	/**
	* Update a Connect Application
	*
	* Update an existing Connect Application. For OAuth applications, you can update redirect URIs. For all applications, you can update the name, description, and scopes.
	* @param options - The request body.
	* @param options.id - The application ID or client ID of the Connect Application.
	* @example "conn_app_01HXYZ123456789ABCDEFGHIJ"
	* @param options.name - The name of the application.
	* @example "My Application"
	* @param options.description - A description for the application.
	* @example "An application for managing user access"
	* @param options.scopes - The OAuth scopes granted to the application.
	* @example ["openid","profile","email"]
	* @param options.redirectUris - Updated redirect URIs for the application. OAuth applications only.
	* @example [{"uri":"https://example.com/callback","default":true}]
	* @returns {Promise<ConnectApplication>}
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async updateApplication(options) {
		const { id, ...payload } = options;
		const { data } = await this.workos.put(`/connect/applications/${encodeURIComponent(id)}`, serializeUpdateOAuthApplication(payload));
		return deserializeConnectApplication(data);
	}
	/**
	* Delete a Connect Application
	*
	* Delete an existing Connect Application.
	* @param options - The request options.
	* @param options.id - The application ID or client ID of the Connect Application.
	* @example "conn_app_01HXYZ123456789ABCDEFGHIJ"
	* @returns {Promise<void>}
	* @throws {NotFoundException} 404
	*/
	async deleteApplication(options) {
		const { id } = options;
		await this.workos.delete(`/connect/applications/${encodeURIComponent(id)}`);
	}
	/**
	* List Client Secrets for a Connect Application
	*
	* List all client secrets associated with a Connect Application.
	* @param options - The request options.
	* @param options.id - The application ID or client ID of the Connect Application.
	* @example "conn_app_01HXYZ123456789ABCDEFGHIJ"
	* @returns {Promise<ApplicationCredentialsListItem[]>}
	* @throws {NotFoundException} 404
	*/
	async listApplicationClientSecrets(options) {
		const { id } = options;
		const { data } = await this.workos.get(`/connect/applications/${encodeURIComponent(id)}/client_secrets`);
		return data.map(deserializeApplicationCredentialsListItem);
	}
	/**
	* Create a new client secret for a Connect Application
	*
	* Create new secrets for a Connect Application.
	* @param options - The request body.
	* @param options.id - The application ID or client ID of the Connect Application.
	* @example "conn_app_01HXYZ123456789ABCDEFGHIJ"
	* @returns {Promise<NewConnectApplicationSecret>}
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async createApplicationClientSecret(options) {
		const { id, ...payload } = options;
		const { data } = await this.workos.post(`/connect/applications/${encodeURIComponent(id)}/client_secrets`, serializeCreateApplicationSecret(payload));
		return deserializeNewConnectApplicationSecret(data);
	}
	/**
	* Delete a Client Secret
	*
	* Delete (revoke) an existing client secret.
	* @param options - The request options.
	* @param options.id - The unique ID of the client secret.
	* @example "secret_01J9Q2Z3X4Y5W6V7U8T9S0R1Q"
	* @returns {Promise<void>}
	* @throws {NotFoundException} 404
	*/
	async deleteClientSecret(options) {
		const { id } = options;
		await this.workos.delete(`/connect/client_secrets/${encodeURIComponent(id)}`);
	}
};
//#endregion
//#region src/common/utils/encode-path-parameter.ts
/**
* Encode a caller-supplied identifier for safe interpolation into a single URL
* path segment.
*
* SDK path templates interpolate caller-supplied identifiers (user IDs,
* invitation tokens, MFA factor IDs, organization IDs, external IDs, role and
* permission slugs, ...) into the request path. Without encoding, a value such
* as `../../user_management/users/user_01ABC` would be resolved by the WHATWG
* `URL` parser (see `HttpClient.getResourceURL`) into a different API path,
* letting an attacker who influences one identifier retarget the request to an
* arbitrary same-verb endpoint. `encodeURIComponent` neutralizes this by
* percent-encoding the path/query/fragment metacharacters (`/`, `?`, `#`, ...)
* that enable the injection, keeping one parameter mapped to exactly one path
* segment.
*
* `encodeURIComponent` alone is not sufficient for the two dot-only segments
* `.` and `..`: it leaves them unchanged, and the WHATWG `URL` parser then
* removes them as relative path segments (even when a value like `..` is a
* single segment, a template such as `/feature-flags/${slug}/enable` supplies
* the trailing segment, so `..` still climbs and retargets the request).
* Percent-encoding the dots does not help because the parser also treats the
* `%2e` forms as dot segments. A `.` or `..` is never a valid WorkOS
* identifier, so we fail closed and throw rather than emit an ambiguous path.
*
* The one deviation from `encodeURIComponent` is that a literal `:` is kept
* unescaped. Colons are valid path-segment characters (RFC 3986 `pchar`) and
* are used by WorkOS RBAC slugs (e.g. `users:read`); an interpolated value is
* always preceded by a `/`-delimited segment, so a `:` can never be read as a
* URL scheme. Preserving it keeps the wire format identical for existing slugs.
*/
function encodePathParameter(value) {
	const encoded = encodeURIComponent(value).replace(/%3A/gi, ":");
	if (encoded === "." || encoded === "..") throw new TypeError("Invalid path parameter: a path parameter must not be \".\" or \"..\".");
	return encoded;
}
//#endregion
//#region src/directory-sync/directory-sync.ts
var DirectorySync = class {
	workos;
	constructor(workos) {
		this.workos = workos;
	}
	/**
	* List Directories
	*
	* Get a list of all of your existing directories matching the criteria specified.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<Directory, SerializedListDirectoriesOptions>>}
	* @throws 403 response from the API.
	* @throws {UnprocessableEntityException} 422
	*/
	async listDirectories(options) {
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, "/directories", deserializeDirectory, options ? serializeListDirectoriesOptions(options) : void 0), (params) => fetchAndDeserialize(this.workos, "/directories", deserializeDirectory, params), options ? serializeListDirectoriesOptions(options) : void 0);
	}
	/**
	* Get a Directory
	*
	* Get the details of an existing directory.
	* @param id - Unique identifier for the Directory.
	*
	* @example
	* "directory_01ECAZ4NV9QMV47GW873HDCX74"
	*
	* @returns {Promise<Directory>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	*/
	async getDirectory(id) {
		const { data } = await this.workos.get(`/directories/${encodePathParameter(id)}`);
		return deserializeDirectory(data);
	}
	/**
	* Delete a Directory
	*
	* Permanently deletes an existing directory. It cannot be undone.
	* @param id - Unique identifier for the Directory.
	*
	* @example
	* "directory_01ECAZ4NV9QMV47GW873HDCX74"
	*
	* @returns {Promise<void>}
	* @throws 403 response from the API.
	*/
	async deleteDirectory(id) {
		await this.workos.delete(`/directories/${encodePathParameter(id)}`);
	}
	/**
	* List Directory Groups
	*
	* Get a list of all of existing directory groups matching the criteria specified.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<DirectoryGroup, ListDirectoryGroupsOptions>>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async listGroups(options) {
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, "/directory_groups", deserializeDirectoryGroup, options), (params) => fetchAndDeserialize(this.workos, "/directory_groups", deserializeDirectoryGroup, params), options);
	}
	/**
	* List Directory Users
	*
	* Get a list of all of existing Directory Users matching the criteria specified.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<DirectoryUserWithGroups<TCustomAttributes>, ListDirectoryUsersOptions>>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	* @throws {RateLimitExceededException} 429
	*/
	async listUsers(options) {
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, "/directory_users", deserializeDirectoryUserWithGroups, options), (params) => fetchAndDeserialize(this.workos, "/directory_users", deserializeDirectoryUserWithGroups, params), options);
	}
	/**
	* Get a Directory User
	*
	* Get the details of an existing Directory User.
	* @param user - Unique identifier for the Directory User.
	*
	* @example
	* "directory_user_01E1JG7J09H96KYP8HM9B0G5SJ"
	* @returns {Promise<DirectoryUserWithGroups<TCustomAttributes>>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	*/
	async getUser(user) {
		const { data } = await this.workos.get(`/directory_users/${encodePathParameter(user)}`);
		return deserializeDirectoryUserWithGroups(data);
	}
	/**
	* Get a Directory Group
	*
	* Get the details of an existing Directory Group.
	* @param group - Unique identifier for the Directory Group.
	*
	* @example
	* "directory_group_01E1JJS84MFPPQ3G655FHTKX6Z"
	* @returns {Promise<DirectoryGroup>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	*/
	async getGroup(group) {
		const { data } = await this.workos.get(`/directory_groups/${encodePathParameter(group)}`);
		return deserializeDirectoryGroup(data);
	}
};
//#endregion
//#region src/events/serializers/list-event-options.serializer.ts
const serializeListEventOptions = (options) => ({
	events: options.events,
	organization_id: options.organizationId,
	range_start: options.rangeStart,
	range_end: options.rangeEnd,
	limit: options.limit,
	after: options.after,
	order: options.order
});
//#endregion
//#region src/events/events.ts
var Events = class {
	workos;
	constructor(workos) {
		this.workos = workos;
	}
	/**
	* List events
	*
	* List events for the current environment.
	* @param options - Pagination and filter options.
	* @returns {Promise<List<Event>>}
	* @throws {BadRequestException} 400
	* @throws {UnprocessableEntityException} 422
	*/
	async listEvents(options) {
		const { data } = await this.workos.get(`/events`, { query: options ? serializeListEventOptions(options) : void 0 });
		return deserializeList(data, deserializeEvent);
	}
};
//#endregion
//#region src/organizations/organizations.ts
var Organizations = class {
	workos;
	constructor(workos) {
		this.workos = workos;
	}
	/**
	* List Organizations
	*
	* Get a list of all of your existing organizations matching the criteria specified.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<Organization, ListOrganizationsOptions>>}
	* @throws {UnprocessableEntityException} 422
	*/
	async listOrganizations(options) {
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, "/organizations", deserializeOrganization, options), (params) => fetchAndDeserialize(this.workos, "/organizations", deserializeOrganization, params), options);
	}
	/**
	* Create an Organization
	*
	* Creates a new organization in the current environment.
	* @param payload - Object containing name.
	* @returns {Promise<Organization>}
	* @throws {BadRequestException} 400
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async createOrganization(payload, requestOptions = {}) {
		const { data } = await this.workos.post("/organizations", serializeCreateOrganizationOptions(payload), requestOptions);
		return deserializeOrganization(data);
	}
	/**
	* Delete an Organization
	*
	* Permanently deletes an organization in the current environment. It cannot be undone.
	* @param id - Unique identifier of the Organization.
	*
	* @example
	* "org_01EHZNVPK3SFK441A1RGBFSHRT"
	*
	* @returns {Promise<void>}
	* @throws 403 response from the API.
	*/
	async deleteOrganization(id) {
		await this.workos.delete(`/organizations/${encodePathParameter(id)}`);
	}
	/**
	* Get an Organization
	*
	* Get the details of an existing organization.
	* @param id - Unique identifier of the Organization.
	*
	* @example
	* "org_01EHZNVPK3SFK441A1RGBFSHRT"
	*
	* @returns {Promise<Organization>}
	* @throws {NotFoundException} 404
	*/
	async getOrganization(id) {
		const { data } = await this.workos.get(`/organizations/${encodePathParameter(id)}`);
		return deserializeOrganization(data);
	}
	/**
	* Get an Organization by External ID
	*
	* Get the details of an existing organization by an [external identifier](https://workos.com/docs/authkit/metadata/external-identifiers).
	* @param externalId - The external ID of the Organization.
	*
	* @example
	* "2fe01467-f7ea-4dd2-8b79-c2b4f56d0191"
	*
	* @returns {Promise<Organization>}
	* @throws {NotFoundException} 404
	*/
	async getOrganizationByExternalId(externalId) {
		const { data } = await this.workos.get(`/organizations/external_id/${encodePathParameter(externalId)}`);
		return deserializeOrganization(data);
	}
	/**
	* Update an Organization
	*
	* Updates an organization in the current environment.
	* @param payload - The request body.
	* @returns {Promise<Organization>}
	* @throws {BadRequestException} 400
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async updateOrganization(options) {
		const { organization: organizationId, ...payload } = options;
		const { data } = await this.workos.put(`/organizations/${encodePathParameter(organizationId)}`, serializeUpdateOrganizationOptions(payload));
		return deserializeOrganization(data);
	}
	/**
	* List IT Contacts
	*
	* Get the IT Contacts for an Organization.
	* @param options - Object containing the Organization ID.
	* @returns {Promise<List<ItContact>>}
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	*/
	async listItContacts(options) {
		const { organizationId } = options;
		const { data } = await this.workos.get(`/organizations/${encodePathParameter(organizationId)}/it_contacts`);
		return {
			object: data.object,
			data: data.data.map(deserializeItContact),
			listMetadata: {
				before: data.list_metadata.before,
				after: data.list_metadata.after
			}
		};
	}
	/**
	* Create an IT Contact
	*
	* Add an IT Contact to an Organization. No Admin Portal invitation is sent,
	* though the contact is notified if the Organization has a connection
	* certificate nearing expiry.
	* @param options - Object containing the Organization ID and the email address.
	* @returns {Promise<ItContact>}
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async createItContact(options) {
		const { organizationId, ...payload } = options;
		const { data } = await this.workos.post(`/organizations/${encodePathParameter(organizationId)}/it_contacts`, serializeCreateItContactOptions(payload));
		return deserializeItContact(data);
	}
	/**
	* Delete an IT Contact
	*
	* Remove an IT Contact from an Organization and revoke the contact's active
	* setup links.
	* @param options - Object containing the Organization ID and the IT Contact ID.
	* @returns {Promise<void>}
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	*/
	async deleteItContact(options) {
		const { organizationId, contactId } = options;
		await this.workos.delete(`/organizations/${encodePathParameter(organizationId)}/it_contacts/${encodePathParameter(contactId)}`);
	}
	/**
	* Invite an IT Contact
	*
	* Create an Admin Portal setup link and email it to the IT Contact. An
	* Organization can have at most one active invitation.
	* @param options - Object containing the Organization ID, the IT Contact ID and the intents.
	* @returns {Promise<void>}
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async inviteItContact(options) {
		const { organizationId, contactId, ...payload } = options;
		await this.workos.post(`/organizations/${encodePathParameter(organizationId)}/it_contacts/${encodePathParameter(contactId)}/invite`, serializeInviteItContactOptions(payload));
	}
	/**
	* Revoke an IT Contact's invitation
	*
	* Revoke the Organization's active Admin Portal invitation.
	* @param options - Object containing the Organization ID and the IT Contact ID.
	* @returns {Promise<void>}
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	*/
	async revokeItContact(options) {
		const { organizationId, contactId } = options;
		await this.workos.post(`/organizations/${encodePathParameter(organizationId)}/it_contacts/${encodePathParameter(contactId)}/revoke`, {});
	}
};
//#endregion
//#region src/organization-domains/serializers/create-organization-domain-options.serializer.ts
const serializeCreateOrganizationDomainOptions = (options) => ({
	domain: options.domain,
	organization_id: options.organizationId
});
//#endregion
//#region src/organization-domains/organization-domains.ts
var OrganizationDomains = class {
	workos;
	constructor(workos) {
		this.workos = workos;
	}
	/**
	* Get an Organization Domain
	*
	* Get the details of an existing organization domain.
	* @param id - Unique identifier of the organization domain.
	*
	* @example
	* "org_domain_01EHZNVPK2QXHMVWCEDQEKY69A"
	*
	* @returns {Promise<OrganizationDomain>}
	* @throws {NotFoundException} 404
	*/
	async getOrganizationDomain(id) {
		const { data } = await this.workos.get(`/organization_domains/${encodePathParameter(id)}`);
		return deserializeOrganizationDomain(data);
	}
	/**
	* Verify an Organization Domain
	*
	* Initiates verification process for an Organization Domain.
	* @param id - Unique identifier of the organization domain.
	*
	* @example
	* "org_domain_01EHZNVPK2QXHMVWCEDQEKY69A"
	*
	* @returns {Promise<OrganizationDomain>}
	* @throws {BadRequestException} 400
	*/
	async verifyOrganizationDomain(id) {
		const { data } = await this.workos.post(`/organization_domains/${encodePathParameter(id)}/verify`, {});
		return deserializeOrganizationDomain(data);
	}
	/**
	* Create an Organization Domain
	*
	* Creates a new Organization Domain.
	* @param payload - Object containing domain, organizationId.
	* @returns {Promise<OrganizationDomain>}
	* @throws {ConflictException} 409
	*/
	async createOrganizationDomain(payload) {
		const { data } = await this.workos.post(`/organization_domains`, serializeCreateOrganizationDomainOptions(payload));
		return deserializeOrganizationDomain(data);
	}
	/**
	* Delete an Organization Domain
	*
	* Permanently deletes an organization domain. It cannot be undone.
	* @param id - Unique identifier of the organization domain.
	*
	* @example
	* "org_domain_01EHZNVPK2QXHMVWCEDQEKY69A"
	*
	* @returns {Promise<void>}
	* @throws {NotFoundException} 404
	*/
	async deleteOrganizationDomain(id) {
		await this.workos.delete(`/organization_domains/${encodePathParameter(id)}`);
	}
};
//#endregion
//#region src/passwordless/serializers/passwordless-session.serializer.ts
const deserializePasswordlessSession = (passwordlessSession) => ({
	id: passwordlessSession.id,
	email: passwordlessSession.email,
	expiresAt: passwordlessSession.expires_at,
	link: passwordlessSession.link,
	object: passwordlessSession.object
});
//#endregion
//#region src/passwordless/passwordless.ts
var Passwordless = class {
	workos;
	constructor(workos) {
		this.workos = workos;
	}
	async createSession({ redirectURI, expiresIn, ...options }) {
		const { data } = await this.workos.post("/passwordless/sessions", {
			...options,
			redirect_uri: redirectURI,
			expires_in: expiresIn
		});
		return deserializePasswordlessSession(data);
	}
	async sendSession(sessionId) {
		const { data } = await this.workos.post(`/passwordless/sessions/${encodePathParameter(sessionId)}/send`, {});
		return data;
	}
};
//#endregion
//#region src/pipes/serializers/data-integration-credential.serializer.ts
const deserializeDataIntegrationCredential = (response) => ({
	type: response.type,
	clientId: response.client_id ?? null,
	redactedClientSecret: response.redacted_client_secret ?? null
});
//#endregion
//#region src/pipes/serializers/data-integration-installation.serializer.ts
const deserializeDataIntegrationInstallation = (response) => ({
	id: response.id,
	connectionRole: response.connection_role,
	accountIdentifier: response.account_identifier ?? null,
	accountDisplayName: response.account_display_name ?? null,
	userId: response.user_id ?? null,
	organizationId: response.organization_id ?? null,
	apiKeyLast4: response.api_key_last_4 ?? null
});
//#endregion
//#region src/pipes/serializers/data-integration-custom-provider.serializer.ts
const deserializeDataIntegrationCustomProvider = (response) => ({
	name: response.name,
	authorizationUrl: response.authorization_url ?? null,
	tokenUrl: response.token_url ?? null,
	refreshTokenUrl: response.refresh_token_url ?? null,
	pkceEnabled: response.pkce_enabled,
	requestScopeSeparator: response.request_scope_separator,
	scopesRequired: response.scopes_required,
	clientSecretRequired: response.client_secret_required,
	additionalAuthorizationParameters: response.additional_authorization_parameters,
	tokenBodyContentType: response.token_body_content_type,
	authenticateVia: response.authenticate_via
});
//#endregion
//#region src/pipes/serializers/data-integration.serializer.ts
const deserializeDataIntegration = (response) => ({
	object: response.object,
	id: response.id,
	slug: response.slug,
	integrationType: response.integration_type,
	ownership: response.ownership,
	description: response.description ?? null,
	enabled: response.enabled,
	state: response.state,
	scopes: response.scopes ?? null,
	redirectUri: response.redirect_uri,
	authMethods: response.auth_methods,
	credentials: response.credentials != null ? deserializeDataIntegrationCredential(response.credentials) : null,
	installation: response.installation != null ? deserializeDataIntegrationInstallation(response.installation) : null,
	config: response.config,
	customProvider: response.custom_provider != null ? deserializeDataIntegrationCustomProvider(response.custom_provider) : null,
	createdAt: new Date(response.created_at),
	updatedAt: new Date(response.updated_at)
});
//#endregion
//#region src/pipes/serializers/connected-account.serializer.ts
const deserializeConnectedAccount = (response) => ({
	object: response.object,
	id: response.id,
	connectionRole: response.connection_role,
	accountIdentifier: response.account_identifier ?? null,
	accountDisplayName: response.account_display_name ?? null,
	userId: response.user_id ?? null,
	organizationId: response.organization_id ?? null,
	scopes: response.scopes,
	authMethod: response.auth_method,
	apiKeyLast4: response.api_key_last_4 ?? null,
	clientId: response.client_id ?? null,
	clientSecretLast4: response.client_secret_last_4 ?? null,
	config: response.config,
	state: response.state,
	createdAt: response.created_at,
	updatedAt: response.updated_at
});
//#endregion
//#region src/pipes/serializers/data-integration-authorize-url-response.serializer.ts
const deserializeDataIntegrationAuthorizeUrlResponse = (response) => ({ url: response.url });
//#endregion
//#region src/pipes/serializers/data-integration-vended-credential.serializer.ts
const deserializeDataIntegrationVendedCredential = (response) => {
	switch (response.auth_method) {
		case "oauth": return {
			authMethod: "oauth",
			object: response.object,
			value: response.value,
			expiresAt: response.expires_at,
			scopes: response.scopes,
			missingScopes: response.missing_scopes,
			config: response.config
		};
		case "api_key": return {
			authMethod: "api_key",
			object: response.object,
			value: response.value,
			config: response.config
		};
		case "client_credentials": return {
			authMethod: "client_credentials",
			object: response.object,
			value: response.value,
			expiresAt: response.expires_at,
			scopes: response.scopes,
			missingScopes: response.missing_scopes,
			metadata: response.metadata,
			config: response.config
		};
		default: throw new Error("Unknown auth_method: " + String(response.auth_method));
	}
};
//#endregion
//#region src/pipes/serializers/data-integration-credentials-response.serializer.ts
const deserializeDataIntegrationCredentialsResponse = (response) => {
	switch (response.active) {
		case true: return {
			active: true,
			credential: deserializeDataIntegrationVendedCredential(response.credential)
		};
		case false: return {
			active: false,
			error: response.error
		};
		default: throw new Error("Unknown active: " + String(response.active));
	}
};
//#endregion
//#region src/pipes/serializers/data-integration-access-token-response-access-token.serializer.ts
const deserializeDataIntegrationAccessTokenResponseAccessToken = (response) => ({
	object: response.object,
	accessToken: response.access_token,
	expiresAt: response.expires_at != null ? new Date(response.expires_at) : null,
	scopes: response.scopes,
	missingScopes: response.missing_scopes
});
//#endregion
//#region src/pipes/serializers/data-integration-access-token-response.serializer.ts
const deserializeDataIntegrationAccessTokenResponse = (response) => {
	switch (response.active) {
		case true: return {
			active: true,
			accessToken: deserializeDataIntegrationAccessTokenResponseAccessToken(response.access_token)
		};
		case false: return {
			active: false,
			error: response.error
		};
		default: throw new Error(`Unknown active: ${String(response.active)}`);
	}
};
//#endregion
//#region src/pipes/serializers/data-integrations-list-response-data-connected-account.serializer.ts
const deserializeDataIntegrationsListResponseDataConnectedAccount = (response) => ({
	object: response.object,
	id: response.id,
	connectionRole: response.connection_role,
	accountIdentifier: response.account_identifier ?? null,
	accountDisplayName: response.account_display_name ?? null,
	userId: response.user_id ?? null,
	organizationId: response.organization_id ?? null,
	scopes: response.scopes,
	authMethod: response.auth_method,
	apiKeyLast4: response.api_key_last_4 ?? null,
	clientId: response.client_id ?? null,
	clientSecretLast4: response.client_secret_last_4 ?? null,
	config: response.config,
	state: response.state,
	createdAt: response.created_at,
	updatedAt: response.updated_at,
	userlandUserId: response.userland_user_id ?? null
});
//#endregion
//#region src/pipes/serializers/data-integrations-list-response-data.serializer.ts
const deserializeDataIntegrationsListResponseData = (response) => ({
	object: response.object,
	id: response.id,
	name: response.name,
	description: response.description ?? null,
	slug: response.slug,
	integrationType: response.integration_type,
	credentialsType: response.credentials_type,
	scopes: response.scopes ?? null,
	authMethods: response.auth_methods,
	connectionOwner: response.connection_owner,
	ownership: response.ownership,
	createdAt: response.created_at,
	updatedAt: response.updated_at,
	connectedAccount: response.connected_account != null ? deserializeDataIntegrationsListResponseDataConnectedAccount(response.connected_account) : null,
	connectedAccounts: response.connected_accounts != null ? response.connected_accounts.map(deserializeDataIntegrationsListResponseDataConnectedAccount) : void 0
});
//#endregion
//#region src/pipes/serializers/data-integrations-list-response.serializer.ts
const deserializeDataIntegrationsListResponse = (response) => ({
	object: response.object,
	data: response.data.map(deserializeDataIntegrationsListResponseData)
});
//#endregion
//#region src/pipes/serializers/data-integration-credentials-input.serializer.ts
const serializeDataIntegrationCredentialsInput = (model) => ({
	type: model.type,
	client_id: model.clientId,
	client_secret: model.clientSecret
});
//#endregion
//#region src/pipes/serializers/api-key-installation.serializer.ts
const serializeApiKeyInstallation = (model) => ({
	secret: model.secret,
	user_id: model.userId,
	organization_id: model.organizationId
});
//#endregion
//#region src/pipes/serializers/custom-provider-definition.serializer.ts
const serializeCustomProviderDefinition = (model) => ({
	name: model.name,
	authorization_url: model.authorizationUrl,
	token_url: model.tokenUrl,
	refresh_token_url: model.refreshTokenUrl,
	pkce_enabled: model.pkceEnabled,
	request_scope_separator: model.requestScopeSeparator,
	scopes_required: model.scopesRequired,
	client_secret_required: model.clientSecretRequired,
	additional_authorization_parameters: model.additionalAuthorizationParameters,
	token_body_content_type: model.tokenBodyContentType,
	authenticate_via: model.authenticateVia
});
//#endregion
//#region src/pipes/serializers/create-data-integration.serializer.ts
const serializeCreateDataIntegration = (model) => ({
	provider: model.provider,
	ownership: model.ownership,
	auth_methods: model.authMethods,
	config: model.config,
	api_key: model.apiKey != null ? serializeApiKeyInstallation(model.apiKey) : void 0,
	description: model.description,
	enabled: model.enabled,
	scopes: model.scopes,
	credentials: model.credentials != null ? serializeDataIntegrationCredentialsInput(model.credentials) : void 0,
	custom_provider: model.customProvider != null ? serializeCustomProviderDefinition(model.customProvider) : void 0
});
//#endregion
//#region src/pipes/serializers/data-integrations-create-api-key-connection-request.serializer.ts
const serializeDataIntegrationsCreateApiKeyConnectionRequest = (model) => ({
	user_id: model.userId,
	organization_id: model.organizationId,
	connection_owner: model.connectionOwner,
	secret: model.secret,
	connection_intent: model.connectionIntent
});
//#endregion
//#region src/pipes/serializers/data-integrations-create-client-credentials-connection-request.serializer.ts
const serializeDataIntegrationsCreateClientCredentialsConnectionRequest = (model) => ({
	user_id: model.userId,
	organization_id: model.organizationId,
	connection_owner: model.connectionOwner,
	client_id: model.clientId,
	client_secret: model.clientSecret,
	config: model.config,
	connection_intent: model.connectionIntent
});
//#endregion
//#region src/pipes/serializers/create-connected-account.serializer.ts
const serializeCreateConnectedAccount = (model) => ({
	access_token: model.accessToken,
	refresh_token: model.refreshToken,
	expires_at: model.expiresAt != null ? model.expiresAt.toISOString() : void 0,
	scopes: model.scopes,
	state: model.state,
	connection_intent: model.connectionIntent
});
//#endregion
//#region src/pipes/serializers/create-organization-connected-account.serializer.ts
const serializeCreateOrganizationConnectedAccount = (model) => ({
	access_token: model.accessToken,
	refresh_token: model.refreshToken,
	expires_at: model.expiresAt != null ? model.expiresAt.toISOString() : void 0,
	scopes: model.scopes,
	state: model.state,
	user_id: model.userId,
	connection_intent: model.connectionIntent
});
//#endregion
//#region src/pipes/serializers/update-custom-provider-definition.serializer.ts
const serializeUpdateCustomProviderDefinition = (model) => ({
	name: model.name,
	authorization_url: model.authorizationUrl,
	token_url: model.tokenUrl,
	refresh_token_url: model.refreshTokenUrl,
	pkce_enabled: model.pkceEnabled,
	request_scope_separator: model.requestScopeSeparator,
	scopes_required: model.scopesRequired,
	client_secret_required: model.clientSecretRequired,
	additional_authorization_parameters: model.additionalAuthorizationParameters,
	token_body_content_type: model.tokenBodyContentType,
	authenticate_via: model.authenticateVia
});
//#endregion
//#region src/pipes/serializers/update-data-integration.serializer.ts
const serializeUpdateDataIntegration = (model) => ({
	description: model.description,
	enabled: model.enabled,
	scopes: model.scopes,
	api_key: model.apiKey != null ? serializeApiKeyInstallation(model.apiKey) : void 0,
	credentials: model.credentials != null ? serializeDataIntegrationCredentialsInput(model.credentials) : void 0,
	custom_provider: model.customProvider != null ? serializeUpdateCustomProviderDefinition(model.customProvider) : void 0
});
//#endregion
//#region src/pipes/serializers/data-integrations-upsert-api-key-request.serializer.ts
const serializeDataIntegrationsUpsertApiKeyRequest = (model) => ({
	user_id: model.userId,
	organization_id: model.organizationId,
	connected_account_id: model.connectedAccountId,
	connection_intent: model.connectionIntent,
	connection_owner: model.connectionOwner,
	secret: model.secret
});
//#endregion
//#region src/pipes/serializers/data-integrations-get-data-integration-authorize-url-request.serializer.ts
const serializeDataIntegrationsGetDataIntegrationAuthorizeUrlRequest = (model) => ({
	user_id: model.userId,
	organization_id: model.organizationId,
	connection_owner: model.connectionOwner,
	return_to: model.returnTo,
	config: model.config
});
//#endregion
//#region src/pipes/serializers/data-integrations-upsert-client-credentials-request.serializer.ts
const serializeDataIntegrationsUpsertClientCredentialsRequest = (model) => ({
	user_id: model.userId,
	organization_id: model.organizationId,
	connected_account_id: model.connectedAccountId,
	connection_intent: model.connectionIntent,
	connection_owner: model.connectionOwner,
	client_id: model.clientId,
	client_secret: model.clientSecret,
	config: model.config
});
//#endregion
//#region src/pipes/serializers/data-integrations-vend-credentials-request.serializer.ts
const serializeDataIntegrationsVendCredentialsRequest = (model) => ({
	user_id: model.userId,
	organization_id: model.organizationId,
	connected_account_id: model.connectedAccountId,
	connection_owner: model.connectionOwner,
	supports_multiple_connections: model.supportsMultipleConnections
});
//#endregion
//#region src/pipes/serializers/data-integrations-get-user-token-request.serializer.ts
const serializeDataIntegrationsGetUserTokenRequest = (model) => ({
	user_id: model.userId,
	organization_id: model.organizationId,
	connected_account_id: model.connectedAccountId,
	connection_owner: model.connectionOwner,
	supports_multiple_connections: model.supportsMultipleConnections
});
//#endregion
//#region src/pipes/serializers/organization-connected-account.serializer.ts
const serializeOrganizationConnectedAccount = (model) => ({
	access_token: model.accessToken,
	refresh_token: model.refreshToken,
	expires_at: model.expiresAt != null ? model.expiresAt.toISOString() : void 0,
	scopes: model.scopes,
	state: model.state,
	user_id: model.userId
});
//#endregion
//#region src/pipes/serializers/connected-account-input.serializer.ts
const serializeConnectedAccountInput = (model) => ({
	access_token: model.accessToken,
	refresh_token: model.refreshToken,
	expires_at: model.expiresAt != null ? model.expiresAt.toISOString() : void 0,
	scopes: model.scopes,
	state: model.state
});
//#endregion
//#region src/pipes/pipes.ts
var Pipes = class {
	workos;
	constructor(workos) {
		this.workos = workos;
	}
	/**
	* List data integrations
	*
	* Lists the environment's data integrations configured with `custom` or `organization` credentials, including custom providers and API key integrations. Both user-owned and organization-owned roots are returned, each as its own row with an `ownership`; filter with `ownership` to return only one kind.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<DataIntegration, ListDataIntegrationsOptions>>}
	* @throws {UnauthorizedException} 401
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async listDataIntegrations(options) {
		const paginationOptions = options;
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, "/data-integrations", deserializeDataIntegration, paginationOptions), (params) => fetchAndDeserialize(this.workos, "/data-integrations", deserializeDataIntegration, params), paginationOptions);
	}
	/**
	* Create a data integration
	*
	* Creates a data integration for a provider. Set `credentials.type` to `custom` to use your own OAuth app credentials or `organization` to have each organization supply its own. Set `auth_methods` to `["api_key"]` to create an API key integration; you may optionally supply an `api_key` block to install a first tenant in the same call. Set `auth_methods` to `["client_credentials"]` to create a client-credentials integration; client credentials are installed per-tenant afterwards. Set `ownership` to `organization` to create the integration organizations connect to instead of the default user-owned one; a provider may have one of each. For a built-in provider, pass its slug as `provider`. For a custom provider, pass a new slug plus a `custom_provider` definition, or the slug of an existing custom provider (without `custom_provider`) to add the other ownership.
	* @param options - Object containing provider.
	* @param options.provider - The provider to create a Data Integration for. For a built-in provider use its slug (e.g. `github`, `slack`). For a custom provider, this is the new provider slug and `custom_provider` must be supplied. A custom provider slug cannot shadow an existing global provider slug.
	* @example "github"
	* @param options.ownership - Who owns the Data Integration. `user` (the default) creates the integration users connect their own accounts to; `organization` creates the root organizations connect to. Ownership is fixed at creation, and one integration of each ownership may exist per provider. Independent of `credentials.type`.
	* @example "user"
	* @param options.description - An optional description of the Data Integration.
	* @example "Production GitHub app"
	* @param options.enabled - Whether the Data Integration is enabled. Defaults to `false`.
	* @example true
	* @param options.scopes - The OAuth scopes to request for the Data Integration. Defaults to the provider's configured scopes when omitted.
	* @example ["repo","read:org"]
	* @param options.authMethods - How accounts authenticate with the provider. Defaults to `["oauth"]`. Use `["api_key"]` to declare an API key integration; `credentials` is then not required and keys are supplied per-tenant (optionally via `api_key` on this request). Use `["client_credentials"]` to declare a client-credentials integration; `credentials` is likewise not required and client credentials are supplied per-tenant.
	* @example ["oauth"]
	* @param options.config - Provider-specific config values (e.g. a Snowflake `account`), keyed by the config field. Only fields the built-in provider declares are accepted.
	* @example {"account":"myorg-myaccount"}
	* @param options.credentials - The OAuth credentials to configure for the Data Integration. Required for OAuth integrations; omit when `auth_methods` is `["api_key"]`.
	* @param options.apiKey - An optional API key to install for the first tenant on an `api_key` integration. Omit to declare a keyless integration; tenants can be added later via the per-installation API key path.
	* @param options.customProvider - The OAuth definition for a custom provider. Supply this to define a custom provider; omit it to create an integration for a built-in provider.
	* @returns {Promise<DataIntegration>}
	* @throws {BadRequestException} 400
	* @throws {UnauthorizedException} 401
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async createDataIntegration(options) {
		const payload = options;
		const { data } = await this.workos.post("/data-integrations", serializeCreateDataIntegration(payload));
		return deserializeDataIntegration(data);
	}
	/**
	* Get a data integration
	*
	* Retrieves the user-owned data integration by its slug.
	* @param options - The request options.
	* @param options.slug - The slug identifier of the data integration.
	* @example "github"
	* @returns {Promise<DataIntegration>}
	* @throws {UnauthorizedException} 401
	* @throws {NotFoundException} 404
	*/
	async getDataIntegration(options) {
		const { slug } = options;
		const { data } = await this.workos.get(`/data-integrations/${encodeURIComponent(slug)}`);
		return deserializeDataIntegration(data);
	}
	/**
	* Update a data integration
	*
	* Updates the description, enabled state, or custom credentials of the user-owned data integration. For custom providers, `custom_provider` updates the OAuth definition.
	* @param options - The request body.
	* @param options.slug - The slug identifier of the data integration.
	* @example "github"
	* @param options.description - An optional description of the Data Integration.
	* @example "Production GitHub app"
	* @param options.enabled - Whether the Data Integration is enabled.
	* @example true
	* @param options.scopes - The OAuth scopes to request for the Data Integration. Pass `null` to reset to the provider's configured scopes.
	* @example ["repo","read:org"]
	* @param options.credentials - New OAuth credentials for the Data Integration. When provided, rotates the stored client secret. Mutually exclusive with `api_key`.
	* @param options.apiKey - An API key to install or rotate for a tenant on an `api_key` integration. Upserts the tenant installation identified by `user_id` (and optional `organization_id`).
	* @param options.customProvider - Updates to a custom provider's OAuth definition. Only valid for custom-provider integrations.
	* @returns {Promise<DataIntegration>}
	* @throws {BadRequestException} 400
	* @throws {UnauthorizedException} 401
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async updateDataIntegration(options) {
		const { slug, ...payload } = options;
		const { data } = await this.workos.put(`/data-integrations/${encodeURIComponent(slug)}`, serializeUpdateDataIntegration(payload));
		return deserializeDataIntegration(data);
	}
	/**
	* Delete a data integration
	*
	* Deletes the user-owned data integration and all of its connected installations. For a custom provider, the provider definition is deleted once no organization-owned root references it either.
	* @param options - The request options.
	* @param options.slug - The slug identifier of the data integration.
	* @example "github"
	* @returns {Promise<void>}
	* @throws {UnauthorizedException} 401
	* @throws {NotFoundException} 404
	*/
	async deleteDataIntegration(options) {
		const { slug } = options;
		await this.workos.delete(`/data-integrations/${encodeURIComponent(slug)}`);
	}
	/**
	* Create another API key connected account
	*
	* Requires `connectionIntent: 'add'` and does not accept an account selector.
	* Until additional connections are available, this creates the first connection
	* or returns 404 `multiple_connections_unavailable` if one already exists.
	* Use `updateDataIntegrationApiKey` to rotate the compatibility connection or
	* update an exact connection.
	*/
	async createDataIntegrationApiKey(options) {
		const { slug, ...payload } = options;
		const { data } = await this.workos.post(`/data-integrations/${encodeURIComponent(slug)}/api-key`, serializeDataIntegrationsCreateApiKeyConnectionRequest(payload));
		return deserializeConnectedAccount(data);
	}
	/**
	* Upsert an API key for a connected account
	*
	* Creates or updates an API-key-based installation for the specified integration, owned by the user or, when `connection_owner` is `organization`, shared by the organization. If an installation already exists, the stored API key is rotated to the new value.
	* @param options - Object containing userId, secret.
	* @param options.slug - The identifier of the integration.
	* @example "github"
	* @param options.userId - A [User](https://workos.com/docs/reference/authkit/user) identifier.
	* @example "user_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.organizationId - An [Organization](https://workos.com/docs/reference/organization) identifier. Optional parameter to scope the connection to a specific organization. Required when `connection_owner` is `organization`.
	* @example "org_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.connectedAccountId - A [connected account](https://workos.com/docs/reference/pipes/connected-account) identifier. Use this to rotate a specific existing connection.
	* @example "data_installation_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.connectionOwner - Whose connection to create or rotate. `user` (the default) addresses the connection owned by `user_id`. `organization` addresses the connection shared by every member of `organization_id`; `user_id` then identifies the member performing the request and must be an active member of the organization.
	* @example "user"
	* @param options.secret - The API key secret to store for this integration.
	* @example "sk-1234567890abcdef"
	* @returns {Promise<ConnectedAccount>}
	* @throws {BadRequestException} 400
	* @throws {UnauthorizedException} 401
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async updateDataIntegrationApiKey(options) {
		const { slug, ...payload } = options;
		const { data } = await this.workos.put(`/data-integrations/${encodeURIComponent(slug)}/api-key`, serializeDataIntegrationsUpsertApiKeyRequest(payload));
		return deserializeConnectedAccount(data);
	}
	/**
	* Get authorization URL
	*
	* Generates an OAuth authorization URL to initiate the connection flow for a user. Redirect the user to the returned URL to begin the OAuth flow with the third-party provider.
	* @param options - Object containing userId.
	* @param options.slug - The slug identifier of the provider (e.g., `github`, `slack`, `notion`).
	* @example "github"
	* @param options.userId - The ID of the user to authorize. When `connection_owner` is `organization`, this is the user authorizing on behalf of the organization; they must be an active member of the organization and do not become the owner of the resulting connected account.
	* @example "user_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.organizationId - An organization ID to scope the authorization to a specific organization. Required when `connection_owner` is `organization`.
	* @example "org_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.connectionOwner - Who will own the connected account. `user` (the default) connects the user's own account. `organization` connects the organization's shared account and requires `organization_id`.
	* @example "user"
	* @param options.returnTo - The URL to redirect the user to after authorization.
	* @example "https://example.com/callback"
	* @param options.config - Connect-time config values for the provider-declared `installation`-scope fields (e.g. a Zendesk `subdomain`), keyed by the config field. Only fields the provider declares may be supplied, and required fields must be provided unless already pinned on the integration.
	* @example {"subdomain":"acme"}
	* @returns {Promise<DataIntegrationAuthorizeUrlResponse>}
	* @throws {BadRequestException} 400
	* @throws {UnauthorizedException} 401
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	*/
	async authorizeDataIntegration(options) {
		const { slug, ...payload } = options;
		const { data } = await this.workos.post(`/data-integrations/${encodeURIComponent(slug)}/authorize`, serializeDataIntegrationsGetDataIntegrationAuthorizeUrlRequest(payload));
		return deserializeDataIntegrationAuthorizeUrlResponse(data);
	}
	/**
	* Create another client credentials connected account
	*
	* Requires `connectionIntent: 'add'` and does not accept an account selector.
	* Until additional connections are available, this creates the first connection
	* or returns 404 `multiple_connections_unavailable` if one already exists.
	* Use `updateDataIntegrationClientCredentials` to rotate the compatibility
	* connection or update an exact connection.
	*/
	async createDataIntegrationClientCredential(options) {
		const { slug, ...payload } = options;
		const { data } = await this.workos.post(`/data-integrations/${encodeURIComponent(slug)}/client-credentials`, serializeDataIntegrationsCreateClientCredentialsConnectionRequest(payload));
		return deserializeConnectedAccount(data);
	}
	/**
	* Upsert client credentials for a connected account
	*
	* Creates or updates a client-credentials-based installation for the specified integration, owned by the user or, when `connection_owner` is `organization`, shared by the organization. If an installation already exists, the stored client credentials are rotated to the new values.
	* @param options - The request options.
	* @param options.slug - The identifier of the integration.
	* @example "salesforce"
	* @returns {Promise<ConnectedAccount>}
	* @throws {BadRequestException} 400
	* @throws {UnauthorizedException} 401
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async updateDataIntegrationClientCredentials(options) {
		const { slug, ...payload } = options;
		const { data } = await this.workos.put(`/data-integrations/${encodeURIComponent(slug)}/client-credentials`, serializeDataIntegrationsUpsertClientCredentialsRequest(payload));
		return deserializeConnectedAccount(data);
	}
	/**
	* Vend credentials for a connected account
	*
	* Returns credentials for a user-owned or organization-owned connected account. OAuth and client-credentials installations return an access token; API-key installations return the stored secret. Every active credential includes provider-declared, non-secret `config` from the connection snapshot with current defaults. Client-credentials responses also include provider token `metadata`.
	* @param options - Object containing userId.
	* @param options.slug - The identifier of the integration.
	* @example "github"
	* @param options.userId - A [User](https://workos.com/docs/reference/authkit/user) identifier. When `connection_owner` is `organization`, this is the user the credentials are vended on behalf of; they must be an active member of the organization.
	* @example "user_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.organizationId - An [Organization](https://workos.com/docs/reference/organization) identifier. Optional parameter to scope the connection to a specific organization. Required when `connection_owner` is `organization`.
	* @example "org_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.connectedAccountId - A [connected account](https://workos.com/docs/reference/pipes/connected-account) identifier. Use this to select a specific connection when the user has several for this provider.
	* @example "data_installation_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.connectionOwner - Which connection to vend from. `user` (the default) vends the user's own connection and requires `user_id`. `organization` vends the organization's shared connection and requires `organization_id`.
	* @example "user"
	* @param options.supportsMultipleConnections - Set to `true` to use the plural connection contract. If no `connected_account_id` is supplied and several connections match, the request returns `account_selection_required`. When omitted or `false`, only the compatibility connection is considered.
	* @example true
	* @returns {Promise<DataIntegrationCredentialsResponse>}
	* @throws {BadRequestException} 400
	* @throws {UnauthorizedException} 401
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async createDataIntegrationCredential(options) {
		const { slug, ...payload } = options;
		const { data } = await this.workos.post(`/data-integrations/${encodeURIComponent(slug)}/credentials`, serializeDataIntegrationsVendCredentialsRequest(payload));
		return deserializeDataIntegrationCredentialsResponse(data);
	}
	/**
	* Get an organization-owned data integration
	*
	* Retrieves the organization-owned data integration for a provider by its slug. The `/organization` suffix selects the environment-level organization-owned root for the provider; it does not name a particular organization.
	* @param options - The request options.
	* @param options.slug - The slug identifier of the data integration.
	* @example "github"
	* @returns {Promise<DataIntegration>}
	* @throws {UnauthorizedException} 401
	* @throws {NotFoundException} 404
	*/
	async getOrganizationDataIntegration(options) {
		const { slug } = options;
		const { data } = await this.workos.get(`/data-integrations/${encodeURIComponent(slug)}/organization`);
		return deserializeDataIntegration(data);
	}
	/**
	* Update an organization-owned data integration
	*
	* Updates the description, enabled state, or custom credentials of the organization-owned data integration for a provider. For custom providers, `custom_provider` updates the OAuth definition, which is shared with the user-owned root. The `/organization` suffix selects the environment-level organization-owned root for the provider; it does not name a particular organization.
	* @param options - The request options.
	* @param options.slug - The slug identifier of the data integration.
	* @example "github"
	* @returns {Promise<DataIntegration>}
	* @throws {BadRequestException} 400
	* @throws {UnauthorizedException} 401
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async updateOrganizationDataIntegration(options) {
		const { slug, ...payload } = options;
		const { data } = await this.workos.put(`/data-integrations/${encodeURIComponent(slug)}/organization`, serializeUpdateDataIntegration(payload));
		return deserializeDataIntegration(data);
	}
	/**
	* Delete an organization-owned data integration
	*
	* Deletes the organization-owned data integration for a provider and all of its connected installations. For a custom provider, the provider definition is deleted once no user-owned root references it either. The `/organization` suffix selects the environment-level organization-owned root for the provider; it does not name a particular organization.
	* @param options - The request options.
	* @param options.slug - The slug identifier of the data integration.
	* @example "github"
	* @returns {Promise<void>}
	* @throws {UnauthorizedException} 401
	* @throws {NotFoundException} 404
	*/
	async deleteOrganizationDataIntegration(options) {
		const { slug } = options;
		await this.workos.delete(`/data-integrations/${encodeURIComponent(slug)}/organization`);
	}
	/**
	* Get an access token for a connected account
	*
	* Fetches a valid OAuth access token for a user's connected account. WorkOS automatically handles token refresh, ensuring you always receive a valid, non-expired token.
	* @param options - Object containing userId.
	* @param options.provider - The identifier of the integration.
	* @example "github"
	* @param options.userId - A [User](https://workos.com/docs/reference/authkit/user) identifier. When `connection_owner` is `organization`, this is the user the credentials are vended on behalf of; they must be an active member of the organization.
	* @example "user_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.organizationId - An [Organization](https://workos.com/docs/reference/organization) identifier. Optional parameter to scope the connection to a specific organization. Required when `connection_owner` is `organization`.
	* @example "org_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.connectedAccountId - A [connected account](https://workos.com/docs/reference/pipes/connected-account) identifier. Use this to select a specific connection when the user has several for this provider.
	* @example "data_installation_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.connectionOwner - Which connection to vend from. `user` (the default) vends the user's own connection and requires `user_id`. `organization` vends the organization's shared connection and requires `organization_id`.
	* @example "user"
	* @param options.supportsMultipleConnections - Set to `true` to use the plural connection contract. If no `connected_account_id` is supplied and several connections match, the request returns `account_selection_required`. When omitted or `false`, only the compatibility connection is considered.
	* @example true
	* @returns {Promise<DataIntegrationAccessTokenResponse>}
	* @throws {BadRequestException} 400
	* @throws {UnauthorizedException} 401
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async getAccessToken(options) {
		const { provider, ...payload } = options;
		const { data } = await this.workos.post(`/data-integrations/${encodeURIComponent(provider)}/token`, serializeDataIntegrationsGetUserTokenRequest(payload));
		return deserializeDataIntegrationAccessTokenResponse(data);
	}
	/**
	* Get an organization connected account
	*
	* Retrieves an organization's [connected account](https://workos.com/docs/reference/pipes/connected-account) for a specific provider.
	* @param options - Additional query options.
	* @param options.organizationId - An [Organization](https://workos.com/docs/reference/organization) identifier.
	* @example "org_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.slug - The slug identifier of the provider (e.g., `github`, `slack`, `notion`).
	* @example "github"
	* @param options.supportsMultipleConnections - Set to `true` to use the plural connection contract. When omitted or `false`, only the compatibility connection is considered.
	* @example true
	* @param options.connectedAccountId - A [connected account](https://workos.com/docs/reference/pipes/connected-account) identifier. Use this to select a specific connection when the organization has several for this provider.
	* @example "data_installation_01EHZNVPK3SFK441A1RGBFSHRT"
	* @returns {Promise<ConnectedAccount>}
	* @throws {BadRequestException} 400
	* @throws {UnauthorizedException} 401
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	*/
	async getOrganizationConnectedAccount(options) {
		const { organizationId, slug } = options;
		const { data } = await this.workos.get(`/organizations/${encodeURIComponent(organizationId)}/connected_accounts/${encodeURIComponent(slug)}`, { query: {
			...options.supportsMultipleConnections !== void 0 && { supports_multiple_connections: options.supportsMultipleConnections },
			...options.connectedAccountId !== void 0 && { connected_account_id: options.connectedAccountId }
		} });
		return deserializeConnectedAccount(data);
	}
	/**
	* Import an organization connected account
	*
	* Imports an organization-owned [connected account](https://workos.com/docs/reference/pipes/connected-account) by providing OAuth tokens directly. Omit `connectionIntent` for compatibility behavior or set it to `add` to explicitly create a connection. Additional connection creation is subject to API availability.
	* @param options - The request options.
	* @param options.organizationId - An [Organization](https://workos.com/docs/reference/organization) identifier.
	* @example "org_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.slug - The slug identifier of the provider (e.g., `github`, `slack`, `notion`).
	* @example "github"
	* @returns {Promise<ConnectedAccount>}
	* @throws {UnauthorizedException} 401
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async createOrganizationConnectedAccount(options) {
		const { organizationId, slug, ...payload } = options;
		const { data } = await this.workos.post(`/organizations/${encodeURIComponent(organizationId)}/connected_accounts/${encodeURIComponent(slug)}`, serializeCreateOrganizationConnectedAccount(payload));
		return deserializeConnectedAccount(data);
	}
	/**
	* Update an organization connected account
	*
	* Updates an organization's [connected account](https://workos.com/docs/reference/pipes/connected-account) tokens, scopes, or state for a specific provider.
	* @param options - Additional query options.
	* @param options.organizationId - An [Organization](https://workos.com/docs/reference/organization) identifier.
	* @example "org_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.slug - The slug identifier of the provider (e.g., `github`, `slack`, `notion`).
	* @example "github"
	* @param options.supportsMultipleConnections - Accepted for compatibility; does not change update targeting.
	* @param options.connectedAccountId - A [connected account](https://workos.com/docs/reference/pipes/connected-account) identifier. Use this to select the connection to update.
	* @example "data_installation_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.connectionIntent - Set to `reauthorize` with `connectedAccountId`, or omit both to update the compatibility connection.
	* @returns {Promise<ConnectedAccount>}
	* @throws {BadRequestException} 400
	* @throws {UnauthorizedException} 401
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async updateOrganizationConnectedAccount(options) {
		const { organizationId, slug, supportsMultipleConnections, connectedAccountId, connectionIntent, ...payload } = options;
		const { data } = await this.workos.put(`/organizations/${encodeURIComponent(organizationId)}/connected_accounts/${encodeURIComponent(slug)}`, serializeOrganizationConnectedAccount(payload), { query: {
			supports_multiple_connections: supportsMultipleConnections,
			connected_account_id: connectedAccountId,
			connection_intent: connectionIntent
		} });
		return deserializeConnectedAccount(data);
	}
	/**
	* Delete an organization connected account
	*
	* Disconnects the organization's account for the provider, including removing any stored access and refresh tokens. A member will need to reauthorize if the organization wants to reconnect. This does not revoke access on the provider side.
	* @param options - Additional query options.
	* @param options.organizationId - An [Organization](https://workos.com/docs/reference/organization) identifier.
	* @example "org_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.slug - The slug identifier of the provider (e.g., `github`, `slack`, `notion`).
	* @example "github"
	* @param options.supportsMultipleConnections - Set to `true` to use the plural connection contract. When omitted or `false`, only the compatibility connection is considered.
	* @example true
	* @param options.connectedAccountId - A [connected account](https://workos.com/docs/reference/pipes/connected-account) identifier. Use this to select the connection to delete.
	* @example "data_installation_01EHZNVPK3SFK441A1RGBFSHRT"
	* @returns {Promise<void>}
	* @throws {BadRequestException} 400
	* @throws {UnauthorizedException} 401
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	*/
	async deleteOrganizationConnectedAccount(options) {
		const { organizationId, slug } = options;
		await this.workos.delete(`/organizations/${encodeURIComponent(organizationId)}/connected_accounts/${encodeURIComponent(slug)}`, {
			supports_multiple_connections: options.supportsMultipleConnections,
			connected_account_id: options.connectedAccountId
		});
	}
	/**
	* List providers for an organization
	*
	* Retrieves the organization-owned providers configured for your environment and the organization's [connected account](https://workos.com/docs/reference/pipes/connected-account) information for each. Providers owned by individual users are not included.
	* @param options - Additional query options.
	* @param options.organizationId - An [Organization](https://workos.com/docs/reference/organization) identifier to list providers and connected accounts for.
	* @example "org_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.supportsMultipleConnections - Set to `true` to use the plural connection contract. When omitted or `false`, only the compatibility connection is considered.
	* @example true
	* @returns {Promise<DataIntegrationsListResponse>}
	* @throws {UnauthorizedException} 401
	* @throws {NotFoundException} 404
	*/
	async listOrganizationDataProviders(options) {
		const { organizationId } = options;
		const { data } = await this.workos.get(`/organizations/${encodeURIComponent(organizationId)}/data_providers`, { query: { ...options.supportsMultipleConnections !== void 0 && { supports_multiple_connections: options.supportsMultipleConnections } } });
		return deserializeDataIntegrationsListResponse(data);
	}
	/**
	* Get a connected account
	*
	* Retrieves a user's [connected account](https://workos.com/docs/reference/pipes/connected-account) for a specific provider.
	* @param options - Additional query options.
	* @param options.userId - A [User](https://workos.com/docs/reference/authkit/user) identifier.
	* @example "user_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.slug - The slug identifier of the provider (e.g., `github`, `slack`, `notion`).
	* @example "github"
	* @param options.organizationId - An [Organization](https://workos.com/docs/reference/organization) identifier. Optional parameter if the connection is scoped to an organization.
	* @example "org_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.supportsMultipleConnections - Set to `true` to use the plural connection contract. When omitted or `false`, only the compatibility connection is considered.
	* @example true
	* @param options.connectedAccountId - A [connected account](https://workos.com/docs/reference/pipes/connected-account) identifier. Use this to select a specific connection when the user has several for this provider.
	* @example "data_installation_01EHZNVPK3SFK441A1RGBFSHRT"
	* @returns {Promise<ConnectedAccount>}
	* @throws {BadRequestException} 400
	* @throws {UnauthorizedException} 401
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	*/
	async getUserConnectedAccount(options) {
		const { userId, slug } = options;
		const { data } = await this.workos.get(`/user_management/users/${encodeURIComponent(userId)}/connected_accounts/${encodeURIComponent(slug)}`, { query: {
			...options.organizationId !== void 0 && { organization_id: options.organizationId },
			...options.supportsMultipleConnections !== void 0 && { supports_multiple_connections: options.supportsMultipleConnections },
			...options.connectedAccountId !== void 0 && { connected_account_id: options.connectedAccountId }
		} });
		return deserializeConnectedAccount(data);
	}
	/**
	* Import a connected account
	*
	* Imports a [connected account](https://workos.com/docs/reference/pipes/connected-account) for a user by providing OAuth tokens directly. Omit `connectionIntent` for compatibility behavior or set it to `add` to explicitly create a connection. Additional connection creation is subject to API availability.
	* @param options - The request body.
	* @param options.userId - A [User](https://workos.com/docs/reference/authkit/user) identifier.
	* @example "user_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.slug - The slug identifier of the provider (e.g., `github`, `slack`, `notion`).
	* @example "github"
	* @param options.organizationId - An [Organization](https://workos.com/docs/reference/organization) identifier. Optional parameter if the connection is scoped to an organization.
	* @example "org_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.accessToken - The OAuth access token for the connected account.
	* @example "gho_16C7e42F292c6912E7710c838347Ae178B4a"
	* @param options.refreshToken - The OAuth refresh token for the connected account.
	* @example "ghr_xxxxxxxxxxxxxxxxxxxx"
	* @param options.expiresAt - The ISO-8601 timestamp when the access token expires. Required when `access_token` is provided for tokens that expire.
	* @example "2025-12-31T23:59:59.000Z"
	* @param options.scopes - The OAuth scopes granted for this connection.
	* @example ["repo","user:email"]
	* @param options.state - Explicitly set the state of the connected account. When omitted, the state is derived from the token combination provided.
	* @example "connected"
	* @returns {Promise<ConnectedAccount>}
	* @throws {UnauthorizedException} 401
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async createUserConnectedAccount(options) {
		const { userId, slug, organizationId, ...payload } = options;
		const { data } = await this.workos.post(`/user_management/users/${encodeURIComponent(userId)}/connected_accounts/${encodeURIComponent(slug)}`, serializeCreateConnectedAccount(payload), { query: { organization_id: organizationId } });
		return deserializeConnectedAccount(data);
	}
	/**
	* Update a connected account
	*
	* Updates a user's [connected account](https://workos.com/docs/reference/pipes/connected-account) tokens, scopes, or state for a specific provider.
	* @param options - The request body.
	* @param options.userId - A [User](https://workos.com/docs/reference/authkit/user) identifier.
	* @example "user_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.slug - The slug identifier of the provider (e.g., `github`, `slack`, `notion`).
	* @example "github"
	* @param options.organizationId - An [Organization](https://workos.com/docs/reference/organization) identifier. Optional parameter if the connection is scoped to an organization.
	* @example "org_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.supportsMultipleConnections - Accepted for compatibility; does not change update targeting.
	* @param options.connectedAccountId - A [connected account](https://workos.com/docs/reference/pipes/connected-account) identifier. Use this to select the connection to update.
	* @example "data_installation_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.connectionIntent - Set to `reauthorize` with `connectedAccountId`, or omit both to update the compatibility connection.
	* @param options.accessToken - The OAuth access token for the connected account.
	* @example "gho_16C7e42F292c6912E7710c838347Ae178B4a"
	* @param options.refreshToken - The OAuth refresh token for the connected account.
	* @example "ghr_xxxxxxxxxxxxxxxxxxxx"
	* @param options.expiresAt - The ISO-8601 timestamp when the access token expires. Required when `access_token` is provided for tokens that expire.
	* @example "2025-12-31T23:59:59.000Z"
	* @param options.scopes - The OAuth scopes granted for this connection.
	* @example ["repo","user:email"]
	* @param options.state - Explicitly set the state of the connected account. When omitted, the state is derived from the token combination provided.
	* @example "connected"
	* @returns {Promise<ConnectedAccount>}
	* @throws {BadRequestException} 400
	* @throws {UnauthorizedException} 401
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async updateUserConnectedAccount(options) {
		const { userId, slug, organizationId, supportsMultipleConnections, connectedAccountId, connectionIntent, ...payload } = options;
		const { data } = await this.workos.put(`/user_management/users/${encodeURIComponent(userId)}/connected_accounts/${encodeURIComponent(slug)}`, serializeConnectedAccountInput(payload), { query: {
			organization_id: organizationId,
			supports_multiple_connections: supportsMultipleConnections,
			connected_account_id: connectedAccountId,
			connection_intent: connectionIntent
		} });
		return deserializeConnectedAccount(data);
	}
	/**
	* Delete a connected account
	*
	* Disconnects WorkOS's account for the user, including removing any stored access and refresh tokens. The user will need to reauthorize if they want to reconnect. Access is not revoked on the provider side, except for the WorkOS OAuth provider, whose underlying AuthKit grant is revoked.
	* @param options - Additional query options.
	* @param options.userId - A [User](https://workos.com/docs/reference/authkit/user) identifier.
	* @example "user_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.slug - The slug identifier of the provider (e.g., `github`, `slack`, `notion`).
	* @example "github"
	* @param options.organizationId - An [Organization](https://workos.com/docs/reference/organization) identifier. Optional parameter if the connection is scoped to an organization.
	* @example "org_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.supportsMultipleConnections - Set to `true` to use the plural connection contract. When omitted or `false`, only the compatibility connection is considered.
	* @example true
	* @param options.connectedAccountId - A [connected account](https://workos.com/docs/reference/pipes/connected-account) identifier. Use this to select the connection to delete.
	* @example "data_installation_01EHZNVPK3SFK441A1RGBFSHRT"
	* @returns {Promise<void>}
	* @throws {BadRequestException} 400
	* @throws {UnauthorizedException} 401
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	*/
	async deleteUserConnectedAccount(options) {
		const { userId, slug } = options;
		await this.workos.delete(`/user_management/users/${encodeURIComponent(userId)}/connected_accounts/${encodeURIComponent(slug)}`, {
			organization_id: options.organizationId,
			supports_multiple_connections: options.supportsMultipleConnections,
			connected_account_id: options.connectedAccountId
		});
	}
	/**
	* List providers for a user
	*
	* Retrieves a list of available providers and the user's connection status for each. Returns all providers configured for your environment, along with the user's [connected account](https://workos.com/docs/reference/pipes/connected-account) information where applicable.
	* @param options - Additional query options.
	* @param options.userId - A [User](https://workos.com/docs/reference/authkit/user) identifier to list providers and connected accounts for.
	* @example "user_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.organizationId - An [Organization](https://workos.com/docs/reference/organization) identifier. Optional parameter to filter connections for a specific organization.
	* @example "org_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.supportsMultipleConnections - Set to `true` to use the plural connection contract. When omitted or `false`, only the compatibility connection is considered.
	* @example true
	* @returns {Promise<DataIntegrationsListResponse>}
	* @throws {UnauthorizedException} 401
	* @throws {NotFoundException} 404
	*/
	async listUserDataProviders(options) {
		const { userId } = options;
		const { data } = await this.workos.get(`/user_management/users/${encodeURIComponent(userId)}/data_providers`, { query: {
			...options.organizationId !== void 0 && { organization_id: options.organizationId },
			...options.supportsMultipleConnections !== void 0 && { supports_multiple_connections: options.supportsMultipleConnections }
		} });
		return deserializeDataIntegrationsListResponse(data);
	}
};
//#endregion
//#region src/radar/serializers/radar-standalone-response.serializer.ts
const deserializeRadarStandaloneResponse = (response) => ({
	verdict: response.verdict,
	reason: response.reason,
	attemptId: response.attempt_id,
	control: response.control,
	blocklistType: response.blocklist_type
});
//#endregion
//#region src/radar/serializers/radar-list-entry-already-present-response.serializer.ts
const deserializeRadarListEntryAlreadyPresentResponse = (response) => ({ message: response.message });
//#endregion
//#region src/radar/serializers/radar-standalone-assess-request.serializer.ts
const serializeRadarStandaloneAssessRequest = (model) => ({
	ip_address: model.ipAddress,
	user_agent: model.userAgent,
	email: model.email,
	auth_method: model.authMethod,
	action: model.action
});
//#endregion
//#region src/radar/serializers/radar-standalone-update-radar-attempt-request.serializer.ts
const serializeRadarStandaloneUpdateRadarAttemptRequest = (model) => ({
	challenge_status: model.challengeStatus,
	attempt_status: model.attemptStatus
});
//#endregion
//#region src/radar/serializers/radar-standalone-update-radar-list-request.serializer.ts
const serializeRadarStandaloneUpdateRadarListRequest = (model) => ({ entry: model.entry });
//#endregion
//#region src/radar/serializers/radar-standalone-delete-radar-list-entry-request.serializer.ts
const serializeRadarStandaloneDeleteRadarListEntryRequest = (model) => ({ entry: model.entry });
//#endregion
//#region src/radar/radar.ts
var Radar = class {
	workos;
	constructor(workos) {
		this.workos = workos;
	}
	/**
	* Create an attempt
	*
	* Assess a request for risk using the Radar engine and receive a verdict.
	* @param options - Object containing ipAddress, userAgent, email, authMethod, action.
	* @param options.ipAddress - The IP address of the request to assess.
	* @example "49.78.240.97"
	* @param options.userAgent - The user agent string of the request to assess.
	* @example "Mozilla/5.0"
	* @param options.email - The email address of the user making the request.
	* @example "user@example.com"
	* @param options.authMethod - The authentication method being used.
	* @example "Password"
	* @param options.action - The action being performed.
	* @example "sign-in"
	* @returns {Promise<RadarStandaloneResponse>}
	* @throws {BadRequestException} 400
	*/
	async createAttempt(options) {
		const payload = options;
		const { data } = await this.workos.post("/radar/attempts", serializeRadarStandaloneAssessRequest(payload));
		return deserializeRadarStandaloneResponse(data);
	}
	/**
	* Update a Radar attempt
	*
	* You may optionally inform Radar that an authentication attempt or challenge was successful using this endpoint. Some Radar controls depend on tracking recent successful attempts, such as impossible travel.
	* @param options - The request body.
	* @param options.id - The unique identifier of the Radar attempt to update.
	* @example "radar_att_01HZBC6N1EB1ZY7KG32X"
	* @param options.challengeStatus - Set to `"success"` to mark the challenge as completed.
	* @example "success"
	* @param options.attemptStatus - Set to `"success"` to mark the authentication attempt as successful.
	* @example "success"
	* @returns {Promise<void>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	*/
	async updateAttempt(options) {
		const { id, ...payload } = options;
		await this.workos.put(`/radar/attempts/${encodeURIComponent(id)}`, serializeRadarStandaloneUpdateRadarAttemptRequest(payload));
	}
	/**
	* Add an entry to a Radar list
	*
	* Add an entry to a Radar list.
	* @param options - Object containing entry.
	* @param options.type - The type of the Radar list (e.g. ip_address, domain, email).
	* @example "ip_address"
	* @param options.action - The list action indicating whether to add the entry to the allow or block list.
	* @example "block"
	* @param options.entry - The value to add to the list. Must match the format of the list type (e.g. a valid IP address for `ip_address`, a valid email for `email`).
	* @example "198.51.100.42"
	* @returns {Promise<RadarListEntryAlreadyPresentResponse>}
	* @throws {BadRequestException} 400
	*/
	async addListEntry(options) {
		const { type, action, ...payload } = options;
		const { data } = await this.workos.post(`/radar/lists/${encodeURIComponent(type)}/${encodeURIComponent(action)}`, serializeRadarStandaloneUpdateRadarListRequest(payload));
		return deserializeRadarListEntryAlreadyPresentResponse(data);
	}
	/**
	* Remove an entry from a Radar list
	*
	* Remove an entry from a Radar list.
	* @param options - Object containing entry.
	* @param options.type - The type of the Radar list (e.g. ip_address, domain, email).
	* @example "ip_address"
	* @param options.action - The list action indicating whether to remove the entry from the allow or block list.
	* @example "block"
	* @param options.entry - The value to remove from the list. Must match an existing entry.
	* @example "198.51.100.42"
	* @returns {Promise<void>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	*/
	async removeListEntry(options) {
		const { type, action, ...payload } = options;
		await this.workos.deleteWithBody(`/radar/lists/${encodeURIComponent(type)}/${encodeURIComponent(action)}`, serializeRadarStandaloneDeleteRadarListEntryRequest(payload));
	}
};
//#endregion
//#region src/admin-portal/admin-portal.ts
var AdminPortal = class {
	workos;
	constructor(workos) {
		this.workos = workos;
	}
	/**
	* Generate a Portal Link
	*
	* Generate a Portal Link scoped to an Organization.
	* @param payload - Object containing organization.
	* @returns {Promise<{ link: string; }>}
	* @throws {BadRequestException} 400
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async generateLink({ intent, organization, returnUrl, successUrl, intentOptions, adminEmails }) {
		const { data } = await this.workos.post("/portal/generate_link", {
			intent,
			organization,
			return_url: returnUrl,
			success_url: successUrl,
			intent_options: intentOptions ? { sso: {
				bookmark_slug: intentOptions.sso.bookmarkSlug,
				provider_type: intentOptions.sso.providerType
			} } : void 0,
			admin_emails: adminEmails
		});
		return data;
	}
};
//#endregion
//#region src/common/utils/query-string.ts
/**
* Converts options to a query string.
* - Arrays: scope=read&scope=write (repeat format)
* - Objects: params[key]=value (bracket notation)
* - Encoding: RFC1738 (space as +)
* - Keys sorted alphabetically
*/
function toQueryString(options) {
	const params = [];
	const sortedKeys = Object.keys(options).sort((a, b) => a.localeCompare(b));
	for (const key of sortedKeys) {
		const value = options[key];
		if (value === void 0) continue;
		if (Array.isArray(value)) for (const item of value) params.push([key, String(item)]);
		else if (typeof value === "object" && value !== null) {
			const sortedSubKeys = Object.keys(value).sort((a, b) => a.localeCompare(b));
			for (const subKey of sortedSubKeys) {
				const subValue = value[subKey];
				if (subValue !== void 0) params.push([`${key}[${subKey}]`, String(subValue)]);
			}
		} else params.push([key, String(value)]);
	}
	return params.map(([key, value]) => {
		return `${encodeRFC1738(key)}=${encodeRFC1738(value)}`;
	}).join("&");
}
function encodeRFC1738(str) {
	return encodeURIComponent(str).replace(/%20/g, "+").replace(/[!'*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}
//#endregion
//#region src/sso/sso.ts
var SSO = class {
	workos;
	constructor(workos) {
		this.workos = workos;
	}
	/**
	* List Connections
	*
	* Get a list of all of your existing connections matching the criteria specified.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<Connection, SerializedListConnectionsOptions>>}
	* @throws 403 response from the API.
	* @throws {UnprocessableEntityException} 422
	*/
	async listConnections(options) {
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, "/connections", deserializeConnection, options ? serializeListConnectionsOptions(options) : void 0), (params) => fetchAndDeserialize(this.workos, "/connections", deserializeConnection, params), options ? serializeListConnectionsOptions(options) : void 0);
	}
	/**
	* Delete a Connection
	*
	* Permanently deletes an existing connection. It cannot be undone.
	* @param id - Unique identifier for the Connection.
	*
	* @example
	* "conn_01E4ZCR3C56J083X43JQXF3JK5"
	*
	* @returns {Promise<void>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	*/
	async deleteConnection(id) {
		await this.workos.delete(`/connections/${encodePathParameter(id)}`);
	}
	getAuthorizationUrl(options) {
		const { codeChallenge, codeChallengeMethod, connection, clientId, domainHint, loginHint, organization, provider, providerQueryParams, providerScopes, redirectUri, state } = options;
		if (!provider && !connection && !organization) throw new TypeError(`Incomplete arguments. Need to specify either a 'connection', 'organization', or 'provider'.`);
		const query = toQueryString({
			code_challenge: codeChallenge,
			code_challenge_method: codeChallengeMethod,
			connection,
			organization,
			domain_hint: domainHint,
			login_hint: loginHint,
			provider,
			provider_query_params: providerQueryParams,
			provider_scopes: providerScopes,
			client_id: clientId,
			redirect_uri: redirectUri,
			response_type: "code",
			state
		});
		return `${this.workos.baseURL}/sso/authorize?${query}`;
	}
	/**
	* Generates an authorization URL with PKCE parameters automatically generated.
	* Use this for public clients (CLI apps, Electron, mobile) that cannot
	* securely store a client secret.
	*
	* @returns Object containing url, state, and codeVerifier
	*
	* @example
	* ```typescript
	* const { url, state, codeVerifier } = await workos.sso.getAuthorizationUrlWithPKCE({
	*   connection: 'conn_123',
	*   clientId: 'client_123',
	*   redirectUri: 'myapp://callback',
	* });
	*
	* // Store state and codeVerifier securely, then redirect user to url
	* // After callback, exchange the code:
	* const { profile, accessToken } = await workos.sso.getProfileAndToken({
	*   code: authorizationCode,
	*   codeVerifier,
	*   clientId: 'client_123',
	* });
	* ```
	*/
	async getAuthorizationUrlWithPKCE(options) {
		const { connection, clientId, domainHint, loginHint, organization, provider, providerQueryParams, providerScopes, redirectUri } = options;
		if (!provider && !connection && !organization) throw new TypeError(`Incomplete arguments. Need to specify either a 'connection', 'organization', or 'provider'.`);
		const pkce = await this.workos.pkce.generate();
		const state = this.workos.pkce.generateCodeVerifier(43);
		const query = toQueryString({
			code_challenge: pkce.codeChallenge,
			code_challenge_method: "S256",
			connection,
			organization,
			domain_hint: domainHint,
			login_hint: loginHint,
			provider,
			provider_query_params: providerQueryParams,
			provider_scopes: providerScopes,
			client_id: clientId,
			redirect_uri: redirectUri,
			response_type: "code",
			state
		});
		return {
			url: `${this.workos.baseURL}/sso/authorize?${query}`,
			state,
			codeVerifier: pkce.codeVerifier
		};
	}
	/**
	* Get a Connection
	*
	* Get the details of an existing connection.
	* @param id - Unique identifier for the Connection.
	*
	* @example
	* "conn_01E4ZCR3C56J083X43JQXF3JK5"
	*
	* @returns {Promise<Connection>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	*/
	async getConnection(id) {
		const { data } = await this.workos.get(`/connections/${encodePathParameter(id)}`);
		return deserializeConnection(data);
	}
	/**
	* Exchange an authorization code for a profile and access token.
	*
	* Auto-detects public vs confidential client mode:
	* - If codeVerifier is provided: Uses PKCE flow (public client)
	* - If no codeVerifier: Uses client_secret from API key (confidential client)
	* - If both: Uses both client_secret AND codeVerifier (confidential client with PKCE)
	*
	* Using PKCE with confidential clients is recommended by OAuth 2.1 for defense
	* in depth and provides additional CSRF protection on the authorization flow.
	*
	* @throws Error if neither codeVerifier nor API key is available
	*/
	async getProfileAndToken({ code, clientId, codeVerifier }) {
		if (codeVerifier !== void 0 && codeVerifier.trim() === "") throw new TypeError("codeVerifier cannot be an empty string. Generate a valid PKCE pair using workos.pkce.generate().");
		const hasApiKey = !!this.workos.key;
		const hasPKCE = !!codeVerifier;
		if (!hasPKCE && !hasApiKey) throw new TypeError("getProfileAndToken requires either a codeVerifier (for public clients) or an API key configured on the WorkOS instance (for confidential clients).");
		const form = new URLSearchParams({
			client_id: clientId,
			grant_type: "authorization_code",
			code
		});
		if (hasPKCE) form.set("code_verifier", codeVerifier);
		if (hasApiKey) form.set("client_secret", this.workos.key);
		const { data } = await this.workos.post("/sso/token", form, { skipApiKeyCheck: !hasApiKey });
		return deserializeProfileAndToken(data);
	}
	/**
	* Get a User Profile
	*
	* Exchange an access token for a user's [Profile](https://workos.com/docs/reference/sso/profile). Because this profile is returned in the [Get a Profile and Token endpoint](https://workos.com/docs/reference/sso/profile/get-profile-and-token) your application usually does not need to call this endpoint. It is available for any authentication flows that require an additional endpoint to retrieve a user's profile.
	* @returns {Promise<Profile<CustomAttributesType>>}
	* @throws {UnauthorizedException} 401
	* @throws {NotFoundException} 404
	*/
	async getProfile({ accessToken }) {
		const { data } = await this.workos.get("/sso/profile", { accessToken });
		return deserializeProfile(data);
	}
};
//#endregion
//#region src/multi-factor-auth/serializers/challenge.serializer.ts
const deserializeChallenge = (challenge) => ({
	object: challenge.object,
	id: challenge.id,
	createdAt: challenge.created_at,
	updatedAt: challenge.updated_at,
	expiresAt: challenge.expires_at,
	code: challenge.code,
	authenticationFactorId: challenge.authentication_factor_id
});
//#endregion
//#region src/multi-factor-auth/serializers/factor.serializer.ts
const deserializeFactor = (factor) => ({
	object: factor.object,
	id: factor.id,
	createdAt: factor.created_at,
	updatedAt: factor.updated_at,
	type: factor.type,
	...factor.sms ? { sms: deserializeSms(factor.sms) } : {},
	...factor.totp ? { totp: deserializeTotp(factor.totp) } : {}
});
const deserializeFactorWithSecrets = (factor) => ({
	object: factor.object,
	id: factor.id,
	createdAt: factor.created_at,
	updatedAt: factor.updated_at,
	type: factor.type,
	...factor.sms ? { sms: deserializeSms(factor.sms) } : {},
	...factor.totp ? { totp: deserializeTotpWithSecrets(factor.totp) } : {}
});
//#endregion
//#region src/multi-factor-auth/serializers/verify-response.serializer.ts
const deserializeVerifyResponse = (verifyResponse) => ({
	challenge: deserializeChallenge(verifyResponse.challenge),
	valid: verifyResponse.valid
});
//#endregion
//#region src/multi-factor-auth/multi-factor-auth.ts
var MultiFactorAuth = class {
	workos;
	constructor(workos) {
		this.workos = workos;
	}
	/**
	* Delete Factor
	*
	* Permanently deletes an Authentication Factor. It cannot be undone.
	* @param id - The unique ID of the Factor.
	*
	* @example
	* "auth_factor_01FVYZ5QM8N98T9ME5BCB2BBMJ"
	*
	* @returns {Promise<void>}
	* @throws {NotFoundException} 404
	*/
	async deleteFactor(id) {
		await this.workos.delete(`/auth/factors/${encodePathParameter(id)}`);
	}
	/**
	* Get Factor
	*
	* Gets an Authentication Factor.
	* @param id - The unique ID of the Factor.
	*
	* @example
	* "auth_factor_01FVYZ5QM8N98T9ME5BCB2BBMJ"
	*
	* @returns {Promise<Factor>}
	* @throws {NotFoundException} 404
	*/
	async getFactor(id) {
		const { data } = await this.workos.get(`/auth/factors/${encodePathParameter(id)}`);
		return deserializeFactor(data);
	}
	/**
	* Enroll Factor
	*
	* Enrolls an Authentication Factor to be used as an additional factor of authentication. The returned ID should be used to create an authentication Challenge.
	* @param options - Object containing type.
	* @returns {Promise<FactorWithSecrets>}
	* @throws {UnprocessableEntityException} 422
	*/
	async enrollFactor(options) {
		const { data } = await this.workos.post("/auth/factors/enroll", {
			type: options.type,
			...(() => {
				switch (options.type) {
					case "sms": return { phone_number: options.phoneNumber };
					case "totp": return {
						totp_issuer: options.issuer,
						totp_user: options.user
					};
					default: return {};
				}
			})()
		});
		return deserializeFactorWithSecrets(data);
	}
	/**
	* Challenge Factor
	*
	* Creates a Challenge for an Authentication Factor.
	* @param options - The request body.
	* @returns {Promise<Challenge>}
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async challengeFactor(options) {
		const { data } = await this.workos.post(`/auth/factors/${encodePathParameter(options.authenticationFactorId)}/challenge`, { sms_template: "smsTemplate" in options ? options.smsTemplate : void 0 });
		return deserializeChallenge(data);
	}
	/**
	* Verify Challenge
	*
	* Verifies an Authentication Challenge.
	* @param options - Object containing code.
	* @returns {Promise<VerifyResponse>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async verifyChallenge(options) {
		const { data } = await this.workos.post(`/auth/challenges/${encodePathParameter(options.authenticationChallengeId)}/verify`, { code: options.code });
		return deserializeVerifyResponse(data);
	}
	/**
	* Enroll an authentication factor
	*
	* Enrolls a user in a new [authentication factor](https://workos.com/docs/reference/authkit/mfa/authentication-factor).
	* @param payload - Object containing type.
	* @returns {Promise<{authenticationFactor: UMFactorWithSecrets; authenticationChallenge: Challenge}>}
	* @throws {UnprocessableEntityException} 422
	*/
	async createUserAuthFactor(payload) {
		const { data } = await this.workos.post(`/user_management/users/${encodePathParameter(payload.userId)}/auth_factors`, serializeEnrollAuthFactorOptions(payload));
		return {
			authenticationFactor: deserializeFactorWithSecrets$1(data.authentication_factor),
			authenticationChallenge: deserializeChallenge(data.authentication_challenge)
		};
	}
	/**
	* List authentication factors
	*
	* Lists the [authentication factors](https://workos.com/docs/reference/authkit/mfa/authentication-factor) for a user.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<UMFactor, PaginationOptions>>}
	* @throws {UnprocessableEntityException} 422
	*/
	async listUserAuthFactors(options) {
		const { userId, ...restOfOptions } = options;
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, `/user_management/users/${encodePathParameter(userId)}/auth_factors`, deserializeFactor$1, restOfOptions), (params) => fetchAndDeserialize(this.workos, `/user_management/users/${encodePathParameter(userId)}/auth_factors`, deserializeFactor$1, params), restOfOptions);
	}
};
//#endregion
//#region src/audit-logs/serializers/audit-log-export.serializer.ts
const deserializeAuditLogExport = (auditLogExport) => ({
	object: auditLogExport.object,
	id: auditLogExport.id,
	state: auditLogExport.state,
	url: auditLogExport.url,
	createdAt: auditLogExport.created_at,
	updatedAt: auditLogExport.updated_at
});
//#endregion
//#region src/audit-logs/serializers/audit-log-export-options.serializer.ts
const serializeAuditLogExportOptions = (options) => ({
	actions: options.actions,
	actor_names: options.actorNames,
	actor_ids: options.actorIds,
	organization_id: options.organizationId,
	range_end: options.rangeEnd.toISOString(),
	range_start: options.rangeStart.toISOString(),
	targets: options.targets
});
//#endregion
//#region src/audit-logs/serializers/create-audit-log-event-options.serializer.ts
const serializeCreateAuditLogEventOptions = (event) => ({
	action: event.action,
	version: event.version,
	occurred_at: event.occurredAt.toISOString(),
	actor: event.actor,
	targets: event.targets,
	context: {
		location: event.context.location,
		user_agent: event.context.userAgent
	},
	metadata: event.metadata
});
//#endregion
//#region src/audit-logs/serializers/create-audit-log-schema-options.serializer.ts
function serializeMetadata(metadata) {
	if (!metadata) return {};
	const serializedMetadata = {};
	Object.keys(metadata).forEach((key) => {
		serializedMetadata[key] = { type: metadata[key] };
	});
	return serializedMetadata;
}
const serializeCreateAuditLogSchemaOptions = (schema) => ({
	actor: { metadata: {
		type: "object",
		properties: serializeMetadata(schema.actor?.metadata)
	} },
	targets: schema.targets.map((target) => {
		return {
			type: target.type,
			metadata: target.metadata ? {
				type: "object",
				properties: serializeMetadata(target.metadata)
			} : void 0
		};
	}),
	metadata: schema.metadata ? {
		type: "object",
		properties: serializeMetadata(schema.metadata)
	} : void 0
});
//#endregion
//#region src/audit-logs/serializers/create-audit-log-schema.serializer.ts
function deserializeMetadata(metadata) {
	if (!metadata || !metadata.properties) return {};
	const deserializedMetadata = {};
	Object.keys(metadata.properties).forEach((key) => {
		if (metadata.properties) deserializedMetadata[key] = metadata.properties[key].type;
	});
	return deserializedMetadata;
}
const deserializeAuditLogSchema = (auditLogSchema) => ({
	object: auditLogSchema.object,
	version: auditLogSchema.version,
	targets: auditLogSchema.targets.map((target) => ({
		type: target.type,
		metadata: target.metadata ? deserializeMetadata(target.metadata) : void 0
	})),
	actor: auditLogSchema.actor ? { metadata: deserializeMetadata(auditLogSchema.actor.metadata) } : void 0,
	metadata: auditLogSchema.metadata ? deserializeMetadata(auditLogSchema.metadata) : void 0,
	createdAt: auditLogSchema.created_at
});
//#endregion
//#region src/audit-logs/serializers/audit-logs-retention.serializer.ts
const deserializeAuditLogsRetention = (response) => ({ retentionPeriodInDays: response.retention_period_in_days ?? null });
//#endregion
//#region src/audit-logs/serializers/update-audit-logs-retention.serializer.ts
const serializeUpdateAuditLogsRetention = (model) => ({ retention_period: model.retentionPeriod });
//#endregion
//#region src/audit-logs/audit-logs.ts
var AuditLogs = class {
	workos;
	constructor(workos) {
		this.workos = workos;
	}
	/**
	* Get Retention
	*
	* Get the configured event retention period for the given Organization.
	* @param options - The request options.
	* @param options.id - Unique identifier of the Organization.
	* @example "org_01EHZNVPK3SFK441A1RGBFSHRT"
	* @returns {Promise<AuditLogsRetention>}
	* @throws {NotFoundException} 404
	*/
	async getOrganizationAuditLogsRetention(options) {
		const { id } = options;
		const { data } = await this.workos.get(`/organizations/${encodeURIComponent(id)}/audit_logs_retention`);
		return deserializeAuditLogsRetention(data);
	}
	/**
	* Set Retention
	*
	* Set the event retention period for the given Organization.
	* @param options - Object containing retentionPeriod.
	* @param options.id - Unique identifier of the Organization.
	* @example "org_01EHZNVPK3SFK441A1RGBFSHRT"
	* @param options.retentionPeriod - The period Audit Log events will be retained. Valid values are `1_MONTH` through `11_MONTHS` in one-month increments and `1_YEAR` through `10_YEARS` in one-year increments.
	* @example "1_MONTH"
	* @returns {Promise<AuditLogsRetention>}
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async updateOrganizationAuditLogsRetention(options) {
		const { id, ...payload } = options;
		const { data } = await this.workos.put(`/organizations/${encodeURIComponent(id)}/audit_logs_retention`, serializeUpdateAuditLogsRetention(payload));
		return deserializeAuditLogsRetention(data);
	}
	/**
	* Create Event
	*
	* Create an Audit Log Event.
	*
	* This API supports idempotency which guarantees that performing the same operation multiple times will have the same result as if the operation were performed only once. This is handy in situations where you may need to retry a request due to a failure or prevent accidental duplicate requests from creating more than one resource.
	*
	* To achieve idempotency, you can add `Idempotency-Key` request header to a Create Event request with a unique string as the value. Each subsequent request matching this unique string will return the same response. We suggest using [v4 UUIDs](https://en.wikipedia.org/wiki/Universally_unique_identifier) for idempotency keys to avoid collisions.
	*
	* Idempotency keys expire after 24 hours. The API will generate a new response if you submit a request with an expired key.
	* @param payload - Object containing organizationId, event.
	* @returns {Promise<void>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	* @throws {RateLimitExceededException} 429
	*/
	async createEvent(organization, event, options = {}) {
		const optionsWithIdempotency = {
			...options,
			idempotencyKey: options.idempotencyKey || `workos-node-${globalThis.crypto.randomUUID()}`
		};
		await this.workos.post("/audit_logs/events", {
			event: serializeCreateAuditLogEventOptions(event),
			organization_id: organization
		}, optionsWithIdempotency);
	}
	/**
	* Create Export
	*
	* Create an Audit Log Export. Exports are scoped to a single organization within a specified date range.
	* @param payload - Object containing organizationId, rangeStart, rangeEnd.
	* @returns {Promise<AuditLogExport>}
	* @throws {BadRequestException} 400
	*/
	async createExport(options) {
		const { data } = await this.workos.post("/audit_logs/exports", serializeAuditLogExportOptions(options));
		return deserializeAuditLogExport(data);
	}
	/**
	* Get Export
	*
	* Get an Audit Log Export. The URL will expire after 10 minutes. If the export is needed again at a later time, refetching the export will regenerate the URL.
	* @param auditLogExportId - The unique ID of the Audit Log Export.
	*
	* @example
	* "audit_log_export_01GBZK5MP7TD1YCFQHFR22180V"
	*
	* @returns {Promise<AuditLogExport>}
	* @throws {NotFoundException} 404
	*/
	async getExport(auditLogExportId) {
		const { data } = await this.workos.get(`/audit_logs/exports/${encodePathParameter(auditLogExportId)}`);
		return deserializeAuditLogExport(data);
	}
	/**
	* Create Schema
	*
	* Creates a new Audit Log schema used to validate the payload of incoming Audit Log Events. If the `action` does not exist, it will also be created.
	* @param payload - Object containing targets.
	* @returns {Promise<AuditLogSchema>}
	* @throws {UnprocessableEntityException} 422
	*/
	async createSchema(schema, options = {}) {
		const { data } = await this.workos.post(`/audit_logs/actions/${encodePathParameter(schema.action)}/schemas`, serializeCreateAuditLogSchemaOptions(schema), options);
		return deserializeAuditLogSchema(data);
	}
	async listSchemas(action, options) {
		const endpoint = `/audit_logs/actions/${encodePathParameter(action)}/schemas`;
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, endpoint, deserializeAuditLogSchema, options), (params) => fetchAndDeserialize(this.workos, endpoint, deserializeAuditLogSchema, params), options);
	}
};
//#endregion
//#region node_modules/uint8array-extras/index.js
const objectToString = Object.prototype.toString;
const uint8ArrayStringified = "[object Uint8Array]";
function isType(value, typeConstructor, typeStringified) {
	if (!value) return false;
	if (value.constructor === typeConstructor) return true;
	return objectToString.call(value) === typeStringified;
}
function isUint8Array(value) {
	return isType(value, Uint8Array, uint8ArrayStringified);
}
function assertUint8Array(value) {
	if (!isUint8Array(value)) throw new TypeError(`Expected \`Uint8Array\`, got \`${typeof value}\``);
}
new globalThis.TextDecoder("utf8");
function assertString(value) {
	if (typeof value !== "string") throw new TypeError(`Expected \`string\`, got \`${typeof value}\``);
}
new globalThis.TextEncoder();
function base64ToBase64Url(base64) {
	return base64.replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}
function base64UrlToBase64(base64url) {
	const base64 = base64url.replaceAll("-", "+").replaceAll("_", "/");
	const padding = (4 - base64.length % 4) % 4;
	return base64 + "=".repeat(padding);
}
const MAX_BLOCK_SIZE = 65535;
function uint8ArrayToBase64$1(array, { urlSafe = false } = {}) {
	assertUint8Array(array);
	let base64 = "";
	for (let index = 0; index < array.length; index += MAX_BLOCK_SIZE) {
		const chunk = array.subarray(index, index + MAX_BLOCK_SIZE);
		base64 += globalThis.btoa(String.fromCodePoint.apply(void 0, chunk));
	}
	return urlSafe ? base64ToBase64Url(base64) : base64;
}
function base64ToUint8Array$1(base64String) {
	assertString(base64String);
	return Uint8Array.from(globalThis.atob(base64UrlToBase64(base64String)), (x) => x.codePointAt(0));
}
const byteToHexLookupTable = Array.from({ length: 256 }, (_, index) => index.toString(16).padStart(2, "0"));
function uint8ArrayToHex(array) {
	assertUint8Array(array);
	let hexString = "";
	for (let index = 0; index < array.length; index++) hexString += byteToHexLookupTable[array[index]];
	return hexString;
}
//#endregion
//#region node_modules/iron-webcrypto/index.js
function losslessJsonStringify(data) {
	try {
		if (isJson(data)) {
			let stringified = JSON.stringify(data);
			if (stringified) return stringified;
		}
	} catch {}
	throw Error("Data is not JSON serializable");
}
function jsonParse(string) {
	try {
		return JSON.parse(string);
	} catch (err) {
		throw Error("Failed parsing sealed object JSON: " + err.message);
	}
}
function isJson(val) {
	let stack = [], seen = /* @__PURE__ */ new WeakSet(), check = (val$1) => val$1 === null || typeof val$1 == "string" || typeof val$1 == "boolean" ? !0 : typeof val$1 == "number" ? Number.isFinite(val$1) : typeof val$1 == "object" ? seen.has(val$1) ? !0 : (seen.add(val$1), stack.push(val$1), !0) : !1;
	if (!check(val)) return !1;
	for (; stack.length;) {
		let obj = stack.pop();
		if (Array.isArray(obj)) {
			let i$1 = obj.length;
			for (; i$1--;) if (!check(obj[i$1])) return !1;
			continue;
		}
		let proto = Reflect.getPrototypeOf(obj);
		if (proto !== null && proto !== Object.prototype) return !1;
		let keys = Reflect.ownKeys(obj), i = keys.length;
		for (; i--;) {
			let key = keys[i];
			if (typeof key != "string" || Reflect.getOwnPropertyDescriptor(obj, key)?.enumerable === !1) return !1;
			let val$1 = obj[key];
			if (val$1 !== void 0 && !check(val$1)) return !1;
		}
	}
	return !0;
}
const enc = /* @__PURE__ */ new TextEncoder();
const dec = /* @__PURE__ */ new TextDecoder();
const jsBase64Enabled = /* @__PURE__ */ (() => typeof Uint8Array.fromBase64 == "function" && typeof Uint8Array.prototype.toBase64 == "function" && typeof Uint8Array.prototype.toHex == "function")();
function b64ToU8(str) {
	return jsBase64Enabled ? Uint8Array.fromBase64(str, { alphabet: "base64url" }) : base64ToUint8Array$1(str);
}
function u8ToB64(arr) {
	return arr = arr instanceof ArrayBuffer ? new Uint8Array(arr) : arr, jsBase64Enabled ? arr.toBase64({
		alphabet: "base64url",
		omitPadding: !0
	}) : uint8ArrayToBase64$1(arr, { urlSafe: !0 });
}
function u8ToHex(arr) {
	return arr = arr instanceof ArrayBuffer ? new Uint8Array(arr) : arr, jsBase64Enabled ? arr.toHex() : uint8ArrayToHex(arr);
}
const defaults = /* @__PURE__ */ Object.freeze({
	encryption: /* @__PURE__ */ Object.freeze({
		algorithm: "aes-256-cbc",
		saltBits: 256,
		iterations: 1,
		minPasswordlength: 32
	}),
	integrity: /* @__PURE__ */ Object.freeze({
		algorithm: "sha256",
		saltBits: 256,
		iterations: 1,
		minPasswordlength: 32
	}),
	ttl: 0,
	timestampSkewSec: 60,
	localtimeOffsetMsec: 0
});
const algorithms = /* @__PURE__ */ Object.freeze({
	"aes-128-ctr": /* @__PURE__ */ Object.freeze({
		keyBits: 128,
		ivBits: 128,
		name: "AES-CTR"
	}),
	"aes-256-cbc": /* @__PURE__ */ Object.freeze({
		keyBits: 256,
		ivBits: 128,
		name: "AES-CBC"
	}),
	sha256: /* @__PURE__ */ Object.freeze({
		keyBits: 256,
		ivBits: void 0,
		name: "SHA-256"
	})
});
function randomBits(bits) {
	return crypto.getRandomValues(new Uint8Array(bits / 8));
}
async function generateKey(password, options) {
	if (!password || !password.length) throw Error("Empty password");
	if (!options || typeof options != "object") throw Error("Bad options");
	let algorithm = algorithms[options.algorithm];
	if (!algorithm) throw Error("Unknown algorithm: " + options.algorithm);
	let isHmac = algorithm.name === "SHA-256", id = isHmac ? {
		name: "HMAC",
		hash: algorithm.name,
		length: algorithm.keyBits
	} : {
		name: algorithm.name,
		length: algorithm.keyBits
	}, usages = isHmac ? ["sign", "verify"] : ["encrypt", "decrypt"], iv = options.iv || (algorithm.ivBits ? randomBits(algorithm.ivBits) : void 0);
	if (typeof password == "string") {
		if (password.length < options.minPasswordlength) throw Error("Password string too short (min " + options.minPasswordlength + " characters required)");
		let salt = options.salt;
		if (!salt) {
			if (!options.saltBits) throw Error("Missing salt and saltBits options");
			salt = u8ToHex(randomBits(options.saltBits));
		}
		let baseKey = await crypto.subtle.importKey("raw", enc.encode(password), "PBKDF2", !1, ["deriveKey"]), algorithm$1 = {
			name: "PBKDF2",
			salt: enc.encode(salt),
			iterations: options.iterations,
			hash: "SHA-1"
		};
		return {
			key: await crypto.subtle.deriveKey(algorithm$1, baseKey, id, !1, usages),
			iv,
			salt
		};
	}
	if (password.length < algorithm.keyBits / 8) throw Error("Key buffer (password) too small");
	return {
		key: await crypto.subtle.importKey("raw", password.slice(), id, !1, usages),
		iv,
		salt: ""
	};
}
function getEncryptParams(algorithm, key, data) {
	return [
		algorithm === "aes-128-ctr" ? {
			name: "AES-CTR",
			counter: key.iv,
			length: 128
		} : {
			name: "AES-CBC",
			iv: key.iv
		},
		key.key,
		typeof data == "string" ? enc.encode(data) : data.slice()
	];
}
async function encrypt(password, options, data) {
	let key = await generateKey(password, options), encrypted = await crypto.subtle.encrypt(...getEncryptParams(options.algorithm, key, data));
	return {
		encrypted: new Uint8Array(encrypted),
		key
	};
}
async function decrypt(password, options, data) {
	let key = await generateKey(password, options), decrypted = await crypto.subtle.decrypt(...getEncryptParams(options.algorithm, key, data));
	return dec.decode(decrypted);
}
async function hmacWithPassword(password, options, data) {
	let key = await generateKey(password, options);
	return {
		digest: u8ToB64(await crypto.subtle.sign("HMAC", key.key, enc.encode(data))),
		salt: key.salt
	};
}
function normalizePassword(password) {
	let normalized = typeof password == "string" || password instanceof Uint8Array ? {
		encryption: password,
		integrity: password
	} : password && typeof password == "object" ? "secret" in password ? {
		id: password.id,
		encryption: password.secret,
		integrity: password.secret
	} : {
		id: password.id,
		encryption: password.encryption,
		integrity: password.integrity
	} : void 0;
	if (!normalized || !normalized.encryption || normalized.encryption.length === 0 || !normalized.integrity || normalized.integrity.length === 0) throw Error("Empty password");
	return normalized;
}
async function seal(object, password, options) {
	let now = Date.now() + (options.localtimeOffsetMsec || 0), { id = "", encryption, integrity } = normalizePassword(password);
	if (id && !/^\w+$/.test(id)) throw Error("Invalid password id");
	let { encrypted, key } = await encrypt(encryption, options.encryption, (options.encode || losslessJsonStringify)(object)), expiration = options.ttl ? now + options.ttl : "", macBaseString = "Fe26.2*" + id + "*" + key.salt + "*" + u8ToB64(key.iv) + "*" + u8ToB64(encrypted) + "*" + expiration, mac = await hmacWithPassword(integrity, options.integrity, macBaseString);
	return macBaseString + "*" + mac.salt + "*" + mac.digest;
}
async function unseal(sealed, password, options) {
	let now = Date.now() + (options.localtimeOffsetMsec || 0), parts = sealed.split("*");
	if (parts.length !== 8) throw Error("Incorrect number of sealed components");
	let [prefix, passwordId, encryptionSalt, ivB64, encryptedB64, expiration, hmacSalt, hmacDigestB64] = parts;
	if (prefix !== "Fe26.2") throw Error("Wrong mac prefix");
	if (expiration) {
		if (!/^[1-9]\d*$/.test(expiration)) throw Error("Invalid expiration");
		if (Number.parseInt(expiration, 10) <= now - options.timestampSkewSec * 1e3) throw Error("Expired seal");
	}
	let pass;
	if (typeof password == "string" || password instanceof Uint8Array) pass = password;
	else if (typeof password == "object" && password) {
		let passwordIdKey = passwordId || "default";
		if (pass = password[passwordIdKey], !pass) throw Error("Cannot find password: " + passwordIdKey);
	}
	pass = normalizePassword(pass);
	let key = await generateKey(pass.integrity, {
		...options.integrity,
		salt: hmacSalt
	}), macBaseString = prefix + "*" + passwordId + "*" + encryptionSalt + "*" + ivB64 + "*" + encryptedB64 + "*" + expiration;
	if (!await crypto.subtle.verify("HMAC", key.key, b64ToU8(hmacDigestB64), enc.encode(macBaseString))) throw Error("Bad hmac value");
	let decryptedString = await decrypt(pass.encryption, {
		...options.encryption,
		salt: encryptionSalt,
		iv: b64ToU8(ivB64)
	}, b64ToU8(encryptedB64));
	return (options.decode || jsonParse)(decryptedString);
}
//#endregion
//#region src/common/crypto/seal.ts
const VERSION_DELIMITER = "~";
const CURRENT_MAJOR_VERSION = 2;
function parseSeal(seal) {
	const [sealWithoutVersion = "", tokenVersionAsString] = seal.split(VERSION_DELIMITER);
	return {
		sealWithoutVersion,
		tokenVersion: tokenVersionAsString == null ? null : parseInt(tokenVersionAsString, 10)
	};
}
async function sealData(data, { password }) {
	return `${await seal(data, {
		id: "1",
		secret: password
	}, {
		...defaults,
		ttl: 0,
		encode: JSON.stringify
	})}${VERSION_DELIMITER}${CURRENT_MAJOR_VERSION}`;
}
async function unsealData(encryptedData, { password }) {
	const { sealWithoutVersion, tokenVersion } = parseSeal(encryptedData);
	const passwordMap = { 1: password };
	let data;
	try {
		data = await unseal(sealWithoutVersion, passwordMap, {
			...defaults,
			ttl: 0
		}) ?? {};
	} catch (error) {
		if (error instanceof Error && /^(Expired seal|Bad hmac value|Cannot find password|Incorrect number of sealed components|Wrong mac prefix)/.test(error.message)) return {};
		throw error;
	}
	if (tokenVersion === 2) return data;
	else if (tokenVersion !== null) return data.persistent ?? data;
	return data;
}
//#endregion
//#region src/common/utils/env.ts
let detectedRuntime = null;
/**
* Detect the current runtime environment.
* This function checks for various runtime environments such as Node.js, Deno, Bun, Cloudflare Workers, Fastly, and Edge Light.
* It returns a string representing the detected runtime and caches the result for future calls.
* @returns The detected runtime environment as a string.
*/
function detectRuntime() {
	if (detectedRuntime) return detectedRuntime;
	const global = globalThis;
	if (typeof process !== "undefined" && process.release?.name === "node") detectedRuntime = "node";
	else if (typeof global.Deno !== "undefined") detectedRuntime = "deno";
	else if (typeof navigator !== "undefined" && navigator.userAgent?.includes("Bun")) detectedRuntime = "bun";
	else if (typeof navigator !== "undefined" && navigator.userAgent?.includes("Cloudflare")) detectedRuntime = "cloudflare";
	else if (typeof global !== "undefined" && "fastly" in global) detectedRuntime = "fastly";
	else if (typeof global !== "undefined" && "EdgeRuntime" in global) detectedRuntime = "edge-light";
	else detectedRuntime = "other";
	return detectedRuntime;
}
function getEnvironmentVariable(key) {
	const runtime = detectRuntime();
	const global = globalThis;
	try {
		switch (runtime) {
			case "node":
			case "bun":
			case "edge-light": return process.env[key];
			case "deno": return global.Deno.env.get(key);
			case "cloudflare": return global.env?.[key] ?? global[key];
			case "fastly": return global[key];
			default: return process?.env?.[key] ?? global.env?.[key] ?? global[key];
		}
	} catch {
		return;
	}
}
/**
* Get an environment variable value, trying to access it in different runtimes.
* @param key - The name of the environment variable.
* @param defaultValue - The default value to return if the variable is not found.
* @return The value of the environment variable or the default value.
*/
function getEnv(key, defaultValue) {
	return getEnvironmentVariable(key) ?? defaultValue;
}
//#endregion
//#region src/user-management/interfaces/authenticate-with-session-cookie.interface.ts
let AuthenticateWithSessionCookieFailureReason = /* @__PURE__ */ function(AuthenticateWithSessionCookieFailureReason) {
	AuthenticateWithSessionCookieFailureReason["INVALID_JWT"] = "invalid_jwt";
	AuthenticateWithSessionCookieFailureReason["INVALID_SESSION_COOKIE"] = "invalid_session_cookie";
	AuthenticateWithSessionCookieFailureReason["NO_SESSION_COOKIE_PROVIDED"] = "no_session_cookie_provided";
	return AuthenticateWithSessionCookieFailureReason;
}({});
//#endregion
//#region src/user-management/interfaces/revoke-session-options.interface.ts
const serializeRevokeSessionOptions = (options) => ({ session_id: options.sessionId });
//#endregion
//#region src/user-management/serializers/authenticate-with-email-verification.serializer.ts
const serializeAuthenticateWithEmailVerificationOptions = (options) => ({
	grant_type: "urn:workos:oauth:grant-type:email-verification:code",
	client_id: options.clientId,
	client_secret: options.clientSecret,
	pending_authentication_token: options.pendingAuthenticationToken,
	code: options.code,
	ip_address: options.ipAddress,
	user_agent: options.userAgent
});
//#endregion
//#region src/user-management/serializers/authenticate-with-organization-selection-options.serializer.ts
const serializeAuthenticateWithOrganizationSelectionOptions = (options) => ({
	grant_type: "urn:workos:oauth:grant-type:organization-selection",
	client_id: options.clientId,
	client_secret: options.clientSecret,
	pending_authentication_token: options.pendingAuthenticationToken,
	organization_id: options.organizationId,
	ip_address: options.ipAddress,
	user_agent: options.userAgent
});
//#endregion
//#region src/user-management/serializers/create-organization-membership-options.serializer.ts
const serializeCreateOrganizationMembershipOptions = (options) => ({
	organization_id: options.organizationId,
	user_id: options.userId,
	role_slug: options.roleSlug,
	role_slugs: options.roleSlugs
});
//#endregion
//#region src/user-management/serializers/identity.serializer.ts
const normalizeProvider = (provider) => {
	if (provider === "GithubOAuth") return "GitHubOAuth";
	return provider;
};
const deserializeIdentities = (identities) => {
	return identities.map((identity) => {
		return {
			idpId: identity.idp_id,
			type: identity.type,
			provider: normalizeProvider(identity.provider)
		};
	});
};
//#endregion
//#region src/user-management/serializers/list-invitations-options.serializer.ts
const serializeListInvitationsOptions = (options) => ({
	email: options.email,
	organization_id: options.organizationId,
	limit: options.limit,
	before: options.before,
	after: options.after,
	order: options.order
});
//#endregion
//#region src/user-management/serializers/list-organization-memberships-options.serializer.ts
const serializeListOrganizationMembershipsOptions = (options) => ({
	user_id: options.userId,
	organization_id: options.organizationId,
	statuses: options.statuses?.join(","),
	limit: options.limit,
	before: options.before,
	after: options.after,
	order: options.order
});
//#endregion
//#region src/user-management/serializers/list-users-options.serializer.ts
const serializeListUsersOptions = (options) => ({
	email: options.email,
	organization_id: options.organizationId,
	limit: options.limit,
	before: options.before,
	after: options.after,
	order: options.order
});
//#endregion
//#region src/user-management/serializers/resend-invitation-options.serializer.ts
const serializeResendInvitationOptions = (options) => ({ locale: options.locale });
//#endregion
//#region src/user-management/interfaces/refresh-and-seal-session-data.interface.ts
let RefreshSessionFailureReason = /* @__PURE__ */ function(RefreshSessionFailureReason) {
	RefreshSessionFailureReason["INVALID_SESSION_COOKIE"] = "invalid_session_cookie";
	RefreshSessionFailureReason["NO_SESSION_COOKIE_PROVIDED"] = "no_session_cookie_provided";
	RefreshSessionFailureReason["INVALID_GRANT"] = "invalid_grant";
	RefreshSessionFailureReason["MFA_ENROLLMENT"] = "mfa_enrollment";
	RefreshSessionFailureReason["SSO_REQUIRED"] = "sso_required";
	RefreshSessionFailureReason["RATE_LIMIT_EXCEEDED"] = "rate_limit_exceeded";
	RefreshSessionFailureReason["TIMEOUT"] = "timeout";
	RefreshSessionFailureReason["SERVER_ERROR"] = "server_error";
	RefreshSessionFailureReason["NETWORK_ERROR"] = "network_error";
	return RefreshSessionFailureReason;
}({});
//#endregion
//#region src/user-management/serializers/send-invitation-options.serializer.ts
const serializeSendInvitationOptions = (options) => ({
	email: options.email,
	organization_id: options.organizationId,
	expires_in_days: options.expiresInDays,
	inviter_user_id: options.inviterUserId,
	role_slug: options.roleSlug,
	locale: options.locale
});
//#endregion
//#region src/user-management/serializers/update-organization-membership-options.serializer.ts
const serializeUpdateOrganizationMembershipOptions = (options) => ({
	role_slug: options.roleSlug,
	role_slugs: options.roleSlugs
});
//#endregion
//#region src/user-management/serializers/create-waitlist-entry-options.serializer.ts
const serializeCreateWaitlistEntryOptions = (options) => ({
	email: options.email,
	additional_fields: options.additionalFields,
	send_confirmation_email: options.sendConfirmationEmail
});
//#endregion
//#region src/user-management/serializers/list-waitlist-entries-options.serializer.ts
const serializeListWaitlistEntriesOptions = (options) => ({
	state: options.state,
	email: options.email,
	limit: options.limit,
	before: options.before,
	after: options.after,
	order: options.order
});
//#endregion
//#region src/user-management/session.ts
var CookieSession = class {
	userManagement;
	cookiePassword;
	sessionData;
	constructor(userManagement, sessionData, cookiePassword) {
		if (!cookiePassword) throw new Error("cookiePassword is required");
		this.userManagement = userManagement;
		this.cookiePassword = cookiePassword;
		this.sessionData = sessionData;
	}
	/**
	* Authenticates a user with a session cookie.
	*
	* @returns An object indicating whether the authentication was successful or not. If successful, it will include the user's session data.
	*/
	async authenticate() {
		if (!this.sessionData) return {
			authenticated: false,
			reason: "no_session_cookie_provided"
		};
		const session = await unsealData(this.sessionData, { password: this.cookiePassword });
		if (!session.accessToken) return {
			authenticated: false,
			reason: "invalid_session_cookie"
		};
		if (!await this.isValidJwt(session.accessToken)) return {
			authenticated: false,
			reason: "invalid_jwt"
		};
		const { decodeJwt } = await getJose();
		const { sid: sessionId, org_id: organizationId, role, roles, permissions, entitlements, feature_flags: featureFlags } = decodeJwt(session.accessToken);
		return {
			authenticated: true,
			sessionId,
			organizationId,
			role,
			roles,
			permissions,
			entitlements,
			featureFlags,
			user: session.user,
			authenticationMethod: session.authenticationMethod,
			impersonator: session.impersonator,
			accessToken: session.accessToken
		};
	}
	/**
	* Refreshes the user's session.
	*
	* @param options - Optional options for refreshing the session.
	* @param options.cookiePassword - The password to use for the new session cookie.
	* @param options.organizationId - The organization ID to use for the new session cookie.
	* @returns An object indicating whether the refresh was successful or not. If successful, it will include the new sealed session data.
	*/
	async refresh(options = {}) {
		const { decodeJwt } = await getJose();
		const session = await unsealData(this.sessionData, { password: this.cookiePassword });
		if (!session.refreshToken || !session.user) return {
			authenticated: false,
			reason: "invalid_session_cookie",
			retryable: false
		};
		const { org_id: organizationIdFromUserManagementAccessToken } = decodeJwt(session.accessToken);
		try {
			const cookiePassword = options.cookiePassword ?? this.cookiePassword;
			const authenticationResponse = await this.userManagement.authenticateWithRefreshToken({
				clientId: this.userManagement.clientId,
				refreshToken: session.refreshToken,
				organizationId: options.organizationId ?? organizationIdFromUserManagementAccessToken,
				session: {
					sealSession: true,
					cookiePassword
				}
			});
			if (options.cookiePassword) this.cookiePassword = options.cookiePassword;
			this.sessionData = authenticationResponse.sealedSession;
			const { sid: sessionId, org_id: organizationId, role, roles, permissions, entitlements, feature_flags: featureFlags } = decodeJwt(authenticationResponse.accessToken);
			return {
				authenticated: true,
				sealedSession: authenticationResponse.sealedSession,
				session: authenticationResponse,
				authenticationMethod: authenticationResponse.authenticationMethod,
				sessionId,
				organizationId,
				role,
				roles,
				permissions,
				entitlements,
				featureFlags,
				user: authenticationResponse.user,
				impersonator: authenticationResponse.impersonator
			};
		} catch (error) {
			const terminalReason = classifyTerminalRefreshError(error);
			if (terminalReason) return {
				authenticated: false,
				reason: terminalReason,
				retryable: false
			};
			const retryableFailure = classifyRetryableRefreshError(error);
			if (retryableFailure) return retryableFailure;
			throw error;
		}
	}
	/**
	* Gets the URL to redirect the user to for logging out.
	*
	* @returns The URL to redirect the user to for logging out.
	*/
	async getLogoutUrl({ returnTo } = {}) {
		const authenticationResponse = await this.authenticate();
		if (!authenticationResponse.authenticated) {
			const { reason } = authenticationResponse;
			throw new Error(`Failed to extract session ID for logout URL: ${reason}`);
		}
		return this.userManagement.getLogoutUrl({
			sessionId: authenticationResponse.sessionId,
			returnTo
		});
	}
	async isValidJwt(accessToken) {
		const { jwtVerify } = await getJose();
		const jwks = await this.userManagement.getJWKS();
		if (!jwks) throw new Error("Missing client ID. Did you provide it when initializing WorkOS?");
		const { issuer } = this.userManagement;
		try {
			await jwtVerify(accessToken, jwks, issuer ? { issuer } : void 0);
			return true;
		} catch (e) {
			if (e instanceof Error && "code" in e && typeof e.code === "string" && (e.code.startsWith("ERR_JWT_") || e.code.startsWith("ERR_JWS_"))) return false;
			throw e;
		}
	}
};
/**
* Classifies an error thrown while refreshing as a terminal authentication
* failure — the session is over and the user must re-authenticate — returning
* the matching failure reason, or `null` when the error is not a recognized
* terminal failure (and may still be retryable or should be rethrown).
*/
function classifyTerminalRefreshError(error) {
	if (error instanceof OauthException && error.error === "invalid_grant") return "invalid_grant";
	if (error instanceof AuthenticationException) {
		const code = error.code;
		if (code === "mfa_enrollment") return "mfa_enrollment";
		if (code === "sso_required") return "sso_required";
	}
	return null;
}
function classifyRetryableRefreshError(error) {
	if (error instanceof RateLimitExceededException) return {
		authenticated: false,
		reason: "rate_limit_exceeded",
		retryable: true,
		retryAfter: error.retryAfter ?? void 0,
		error
	};
	const status = getErrorStatus(error);
	if (status === 429) return {
		authenticated: false,
		reason: "rate_limit_exceeded",
		retryable: true,
		error
	};
	if (status === 408) return {
		authenticated: false,
		reason: "timeout",
		retryable: true,
		error
	};
	if (status !== void 0 && status >= 500) return {
		authenticated: false,
		reason: "server_error",
		retryable: true,
		error
	};
	if (isNetworkError(error)) return {
		authenticated: false,
		reason: "network_error",
		retryable: true,
		error
	};
	return null;
}
function getErrorStatus(error) {
	if (error instanceof OauthException || error instanceof GenericServerException) return error.status;
}
function isNetworkError(error) {
	return error instanceof TypeError || error instanceof Error && error.cause instanceof TypeError;
}
//#endregion
//#region src/user-management/user-management.ts
var UserManagement = class {
	workos;
	_jwks;
	clientId;
	issuer;
	constructor(workos) {
		this.workos = workos;
		this.clientId = workos.clientId;
		this.issuer = workos.options.issuer;
	}
	/**
	* Resolve clientId from method options or fall back to constructor-provided value.
	* @throws TypeError if clientId is not available from either source
	*/
	resolveClientId(clientId) {
		const resolved = clientId ?? this.clientId;
		if (!resolved) throw new TypeError("clientId is required. Provide it in method options or when initializing WorkOS.");
		return resolved;
	}
	async getJWKS() {
		const { createRemoteJWKSet } = await getJose();
		if (!this.clientId) return;
		this._jwks ??= createRemoteJWKSet(new URL(this.getJwksUrl(this.clientId)), { cooldownDuration: 3e5 });
		return this._jwks;
	}
	/**
	* Loads a sealed session using the provided session data and cookie password.
	*
	* @param options - The options for loading the sealed session.
	* @param options.sessionData - The sealed session data.
	* @param options.cookiePassword - The password used to encrypt the session data.
	* @returns The session class.
	*/
	loadSealedSession(options) {
		return new CookieSession(this, options.sessionData, options.cookiePassword);
	}
	/**
	* Get a user
	*
	* Get the details of an existing user.
	* @param userId - The unique ID of the user.
	* @returns {Promise<User>}
	* @throws {NotFoundException} 404
	*/
	async getUser(userId) {
		const { data } = await this.workos.get(`/user_management/users/${encodePathParameter(userId)}`);
		return deserializeUser(data);
	}
	/**
	* Get a user by external ID
	*
	* Get the details of an existing user by an [external identifier](https://workos.com/docs/authkit/metadata/external-identifiers).
	* @param externalId - The external ID of the user.
	*
	* @example
	* "f1ffa2b2-c20b-4d39-be5c-212726e11222"
	*
	* @returns {Promise<User>}
	* @throws {NotFoundException} 404
	*/
	async getUserByExternalId(externalId) {
		const { data } = await this.workos.get(`/user_management/users/external_id/${encodePathParameter(externalId)}`);
		return deserializeUser(data);
	}
	/**
	* List users
	*
	* Get a list of all of your existing users matching the criteria specified.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<User, SerializedListUsersOptions>>}
	* @throws {UnprocessableEntityException} 422
	*/
	async listUsers(options) {
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, "/user_management/users", deserializeUser, options ? serializeListUsersOptions(options) : void 0), (params) => fetchAndDeserialize(this.workos, "/user_management/users", deserializeUser, params), options ? serializeListUsersOptions(options) : void 0);
	}
	/**
	* Create a user
	*
	* Create a new user in the current environment.
	* @param payload - Object containing email.
	* @returns {Promise<CreateUserResponse>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async createUser(payload) {
		const { data } = await this.workos.post("/user_management/users", serializeCreateUserOptions(payload));
		const { radar_auth_attempt_id, ...userResponse } = data;
		return {
			...deserializeUser(userResponse),
			...radar_auth_attempt_id ? { radarAuthAttemptId: radar_auth_attempt_id } : void 0
		};
	}
	/** Authenticate with magic auth. */
	async authenticateWithMagicAuth(payload) {
		const { session, clientId, ...remainingPayload } = payload;
		const resolvedClientId = this.resolveClientId(clientId);
		const { data } = await this.workos.post("/user_management/authenticate", serializeAuthenticateWithMagicAuthOptions({
			...remainingPayload,
			clientId: resolvedClientId,
			clientSecret: this.workos.key
		}));
		return this.prepareAuthenticationResponse({
			authenticationResponse: deserializeAuthenticationResponse(data),
			session
		});
	}
	/** Authenticate with password. */
	async authenticateWithPassword(payload) {
		const { session, clientId, ...remainingPayload } = payload;
		const resolvedClientId = this.resolveClientId(clientId);
		const { data } = await this.workos.post("/user_management/authenticate", serializeAuthenticateWithPasswordOptions({
			...remainingPayload,
			clientId: resolvedClientId,
			clientSecret: this.workos.key
		}));
		return this.prepareAuthenticationResponse({
			authenticationResponse: deserializeAuthenticationResponse(data),
			session
		});
	}
	/**
	* Exchange an authorization code for tokens.
	*
	* Auto-detects public vs confidential client mode:
	* - If codeVerifier is provided: Uses PKCE flow (public client)
	* - If no codeVerifier: Uses client_secret from API key (confidential client)
	* - If both: Uses both client_secret AND codeVerifier (confidential client with PKCE)
	*
	* Using PKCE with confidential clients is recommended by OAuth 2.1 for defense
	* in depth and provides additional CSRF protection on the authorization flow.
	*
	* @throws Error if neither codeVerifier nor API key is available
	*/
	async authenticateWithCode(payload) {
		const { session, clientId, codeVerifier, ...remainingPayload } = payload;
		const resolvedClientId = this.resolveClientId(clientId);
		if (codeVerifier !== void 0 && codeVerifier.trim() === "") throw new TypeError("codeVerifier cannot be an empty string. Generate a valid PKCE pair using workos.pkce.generate().");
		const hasApiKey = !!this.workos.key;
		if (!!!codeVerifier && !hasApiKey) throw new TypeError("authenticateWithCode requires either a codeVerifier (for public clients) or an API key configured on the WorkOS instance (for confidential clients).");
		const { data } = await this.workos.post("/user_management/authenticate", serializeAuthenticateWithCodeOptions({
			...remainingPayload,
			clientId: resolvedClientId,
			codeVerifier,
			clientSecret: hasApiKey ? this.workos.key : void 0
		}), { skipApiKeyCheck: !hasApiKey });
		return this.prepareAuthenticationResponse({
			authenticationResponse: deserializeAuthenticationResponse(data),
			session
		});
	}
	/**
	* Exchange an authorization code for tokens using PKCE (public client flow).
	* Use this instead of authenticateWithCode() when the client cannot securely
	* store a client_secret (browser, mobile, CLI, desktop apps).
	*
	* @param payload.clientId - Your WorkOS client ID
	* @param payload.code - The authorization code from the OAuth callback
	* @param payload.codeVerifier - The PKCE code verifier used to generate the code challenge
	*/
	async authenticateWithCodeAndVerifier(payload) {
		const { session, clientId, ...remainingPayload } = payload;
		const resolvedClientId = this.resolveClientId(clientId);
		const { data } = await this.workos.post("/user_management/authenticate", serializeAuthenticateWithCodeAndVerifierOptions({
			...remainingPayload,
			clientId: resolvedClientId
		}), { skipApiKeyCheck: true });
		return this.prepareAuthenticationResponse({
			authenticationResponse: deserializeAuthenticationResponse(data),
			session
		});
	}
	/**
	* Refresh an access token using a refresh token.
	* Automatically detects public client mode - if no API key is configured,
	* omits client_secret from the request.
	*/
	async authenticateWithRefreshToken(payload) {
		const { session, clientId, ...remainingPayload } = payload;
		const resolvedClientId = this.resolveClientId(clientId);
		const isPublicClient = !this.workos.key;
		const body = isPublicClient ? serializeAuthenticateWithRefreshTokenPublicClientOptions({
			...remainingPayload,
			clientId: resolvedClientId
		}) : serializeAuthenticateWithRefreshTokenOptions({
			...remainingPayload,
			clientId: resolvedClientId,
			clientSecret: this.workos.key
		});
		const { data } = await this.workos.post("/user_management/authenticate", body, { skipApiKeyCheck: isPublicClient });
		return this.prepareAuthenticationResponse({
			authenticationResponse: deserializeAuthenticationResponse(data),
			session
		});
	}
	/** Authenticate with totp. */
	async authenticateWithTotp(payload) {
		const { session, clientId, ...remainingPayload } = payload;
		const resolvedClientId = this.resolveClientId(clientId);
		const { data } = await this.workos.post("/user_management/authenticate", serializeAuthenticateWithTotpOptions({
			...remainingPayload,
			clientId: resolvedClientId,
			clientSecret: this.workos.key
		}));
		return this.prepareAuthenticationResponse({
			authenticationResponse: deserializeAuthenticationResponse(data),
			session
		});
	}
	/** Authenticate with email verification. */
	async authenticateWithEmailVerification(payload) {
		const { session, clientId, ...remainingPayload } = payload;
		const resolvedClientId = this.resolveClientId(clientId);
		const { data } = await this.workos.post("/user_management/authenticate", serializeAuthenticateWithEmailVerificationOptions({
			...remainingPayload,
			clientId: resolvedClientId,
			clientSecret: this.workos.key
		}));
		return this.prepareAuthenticationResponse({
			authenticationResponse: deserializeAuthenticationResponse(data),
			session
		});
	}
	/** Authenticate with organization selection. */
	async authenticateWithOrganizationSelection(payload) {
		const { session, clientId, ...remainingPayload } = payload;
		const resolvedClientId = this.resolveClientId(clientId);
		const { data } = await this.workos.post("/user_management/authenticate", serializeAuthenticateWithOrganizationSelectionOptions({
			...remainingPayload,
			clientId: resolvedClientId,
			clientSecret: this.workos.key
		}));
		return this.prepareAuthenticationResponse({
			authenticationResponse: deserializeAuthenticationResponse(data),
			session
		});
	}
	/** Send a Radar SMS challenge. */
	async sendRadarSmsChallenge(payload) {
		const { data } = await this.workos.post("/user_management/radar_challenges", serializeSendRadarSmsChallengeOptions(payload));
		return {
			verificationId: data.verification_id,
			phoneNumber: data.phone_number
		};
	}
	/** Authenticate with Radar SMS challenge. */
	async authenticateWithRadarSmsChallenge(payload) {
		const { session, clientId, ...remainingPayload } = payload;
		const resolvedClientId = this.resolveClientId(clientId);
		const { data } = await this.workos.post("/user_management/authenticate", serializeAuthenticateWithRadarSmsChallengeOptions({
			...remainingPayload,
			clientId: resolvedClientId,
			clientSecret: this.workos.key
		}));
		return this.prepareAuthenticationResponse({
			authenticationResponse: deserializeAuthenticationResponse(data),
			session
		});
	}
	/** Authenticate with Radar email challenge. */
	async authenticateWithRadarEmailChallenge(payload) {
		const { session, clientId, ...remainingPayload } = payload;
		const resolvedClientId = this.resolveClientId(clientId);
		const { data } = await this.workos.post("/user_management/authenticate", serializeAuthenticateWithRadarEmailChallengeOptions({
			...remainingPayload,
			clientId: resolvedClientId,
			clientSecret: this.workos.key
		}));
		return this.prepareAuthenticationResponse({
			authenticationResponse: deserializeAuthenticationResponse(data),
			session
		});
	}
	async authenticateWithSessionCookie({ sessionData, cookiePassword = getEnv("WORKOS_COOKIE_PASSWORD") }) {
		if (!cookiePassword) throw new Error("Cookie password is required");
		if (!await this.getJWKS()) throw new Error("Must provide clientId to initialize JWKS");
		const { decodeJwt } = await getJose();
		if (!sessionData) return {
			authenticated: false,
			reason: "no_session_cookie_provided"
		};
		const session = await unsealData(sessionData, { password: cookiePassword });
		if (!session.accessToken) return {
			authenticated: false,
			reason: "invalid_session_cookie"
		};
		if (!await this.isValidJwt(session.accessToken)) return {
			authenticated: false,
			reason: "invalid_jwt"
		};
		const { sid: sessionId, org_id: organizationId, role, roles, permissions, entitlements, feature_flags: featureFlags } = decodeJwt(session.accessToken);
		return {
			authenticated: true,
			sessionId,
			organizationId,
			role,
			roles,
			user: session.user,
			permissions,
			entitlements,
			featureFlags,
			accessToken: session.accessToken,
			authenticationMethod: session.authenticationMethod
		};
	}
	async isValidJwt(accessToken) {
		const jwks = await this.getJWKS();
		const { jwtVerify } = await getJose();
		if (!jwks) throw new Error("Must provide clientId to initialize JWKS");
		try {
			await jwtVerify(accessToken, jwks, this.issuer ? { issuer: this.issuer } : void 0);
			return true;
		} catch (e) {
			if (e instanceof Error && "code" in e && typeof e.code === "string" && (e.code.startsWith("ERR_JWT_") || e.code.startsWith("ERR_JWS_"))) return false;
			throw e;
		}
	}
	async prepareAuthenticationResponse({ authenticationResponse, session }) {
		if (session?.sealSession) {
			if (!this.workos.key) throw new Error("Session sealing requires server-side usage with an API key. Public clients should store tokens directly (e.g., secure storage on mobile, keychain on desktop).");
			return {
				...authenticationResponse,
				sealedSession: await this.sealSessionDataFromAuthenticationResponse({
					authenticationResponse,
					cookiePassword: session.cookiePassword
				})
			};
		}
		return authenticationResponse;
	}
	async sealSessionDataFromAuthenticationResponse({ authenticationResponse, cookiePassword }) {
		if (!cookiePassword) throw new Error("Cookie password is required");
		const { decodeJwt } = await getJose();
		const { org_id: organizationIdFromAccessToken } = decodeJwt(authenticationResponse.accessToken);
		return sealData({
			organizationId: organizationIdFromAccessToken,
			user: authenticationResponse.user,
			accessToken: authenticationResponse.accessToken,
			refreshToken: authenticationResponse.refreshToken,
			authenticationMethod: authenticationResponse.authenticationMethod,
			impersonator: authenticationResponse.impersonator
		}, { password: cookiePassword });
	}
	async getSessionFromCookie({ sessionData, cookiePassword = getEnv("WORKOS_COOKIE_PASSWORD") }) {
		if (!cookiePassword) throw new Error("Cookie password is required");
		if (sessionData) return unsealData(sessionData, { password: cookiePassword });
	}
	/**
	* Get an email verification code
	*
	* Get the details of an existing email verification code that can be used to send an email to a user for verification.
	* @returns {Promise<EmailVerification>}
	* @throws {NotFoundException} 404
	*/
	async getEmailVerification(emailVerificationId) {
		const { data } = await this.workos.get(`/user_management/email_verification/${encodePathParameter(emailVerificationId)}`);
		return deserializeEmailVerification(data);
	}
	/**
	* Send verification email
	*
	* Sends an email that contains a one-time code used to verify a user’s email address.
	* @returns {Promise<{ user: User; }>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	* @throws {RateLimitExceededException} 429
	*/
	async sendVerificationEmail({ userId }) {
		const { data } = await this.workos.post(`/user_management/users/${encodePathParameter(userId)}/email_verification/send`, {});
		return { user: deserializeUser(data.user) };
	}
	/**
	* Get Magic Auth code details
	*
	* Get the details of an existing [Magic Auth](https://workos.com/docs/reference/authkit/magic-auth) code that can be used to send an email to a user for authentication.
	* @returns {Promise<MagicAuth>}
	* @throws {NotFoundException} 404
	*/
	async getMagicAuth(magicAuthId) {
		const { data } = await this.workos.get(`/user_management/magic_auth/${encodePathParameter(magicAuthId)}`);
		return deserializeMagicAuth(data);
	}
	/**
	* Create a Magic Auth code
	*
	* Creates a one-time authentication code that can be sent to the user's email address. The code expires in 10 minutes. To verify the code, [authenticate the user with Magic Auth](https://workos.com/docs/reference/authkit/authentication/magic-auth).
	* @param options - Object containing email.
	* @returns {Promise<CreateMagicAuthResponse>}
	* @throws {BadRequestException} 400
	* @throws {UnprocessableEntityException} 422
	* @throws {RateLimitExceededException} 429
	*/
	async createMagicAuth(options) {
		const { data } = await this.workos.post("/user_management/magic_auth", serializeCreateMagicAuthOptions({ ...options }));
		const { radar_auth_attempt_id, ...magicAuthResponse } = data;
		return {
			...deserializeMagicAuth(magicAuthResponse),
			...radar_auth_attempt_id ? { radarAuthAttemptId: radar_auth_attempt_id } : void 0
		};
	}
	/**
	* Verify email
	*
	* Verifies an email address using the one-time code received by the user.
	* @param options - Object containing code.
	* @returns {Promise<{ user: User; }>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async verifyEmail({ code, userId }) {
		const { data } = await this.workos.post(`/user_management/users/${encodePathParameter(userId)}/email_verification/confirm`, { code });
		return { user: deserializeUser(data.user) };
	}
	/**
	* Get a password reset token
	*
	* Get the details of an existing password reset token that can be used to reset a user's password.
	* @returns {Promise<PasswordReset>}
	* @throws {NotFoundException} 404
	*/
	async getPasswordReset(passwordResetId) {
		const { data } = await this.workos.get(`/user_management/password_reset/${encodePathParameter(passwordResetId)}`);
		return deserializePasswordReset(data);
	}
	async createPasswordReset(options) {
		const { data } = await this.workos.post("/user_management/password_reset", serializeCreatePasswordResetOptions({ ...options }));
		return deserializePasswordReset(data);
	}
	/**
	* Reset the password
	*
	* Sets a new password using the `token` query parameter from the link that
	* the user received. Successfully resetting the password will verify a
	* user's email, if it hasn't been verified yet.
	* @param payload - Object containing the reset token and new password.
	* @returns {Promise<{ user: User; }>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	* @throws {RateLimitExceededException} 429
	*/
	async resetPassword(payload) {
		const { data } = await this.workos.post("/user_management/password_reset/confirm", serializeResetPasswordOptions(payload));
		return { user: deserializeUser(data.user) };
	}
	/**
	* Update a user
	*
	* Updates properties of a user. The omitted properties will be left unchanged.
	* @param payload - The request body.
	* @returns {Promise<User>}
	* @throws {BadRequestException} 400
	* @throws {UnprocessableEntityException} 422
	*/
	async updateUser(payload) {
		const { data } = await this.workos.put(`/user_management/users/${encodePathParameter(payload.userId)}`, serializeUpdateUserOptions(payload));
		return deserializeUser(data);
	}
	/**
	* List sessions
	*
	* Get a list of all active sessions for a specific user.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<Session, SerializedListSessionsOptions>>}
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async listSessions(userId, options) {
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, `/user_management/users/${encodePathParameter(userId)}/sessions`, deserializeSession, options ? serializeListSessionsOptions(options) : void 0), (params) => fetchAndDeserialize(this.workos, `/user_management/users/${encodePathParameter(userId)}/sessions`, deserializeSession, params), options ? serializeListSessionsOptions(options) : void 0);
	}
	/**
	* Delete a user
	*
	* Permanently deletes a user in the current environment. It cannot be undone.
	* @returns {Promise<void>}
	* @throws {NotFoundException} 404
	*/
	async deleteUser(userId) {
		await this.workos.delete(`/user_management/users/${encodePathParameter(userId)}`);
	}
	/**
	* List API keys for a user
	*
	* Get a list of API keys owned by a specific user.
	* @param userId - Unique identifier of the user.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<UserApiKey, SerializedListUserApiKeysOptions>>}
	* @throws {NotFoundException} 404
	*/
	async listUserApiKeys(userId, options) {
		const serializedOptions = options ? serializeListUserApiKeysOptions(options) : void 0;
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, `/user_management/users/${encodePathParameter(userId)}/api_keys`, deserializeUserApiKey, serializedOptions), (params) => fetchAndDeserialize(this.workos, `/user_management/users/${encodePathParameter(userId)}/api_keys`, deserializeUserApiKey, params), serializedOptions);
	}
	/**
	* Create an API key for a user
	*
	* Create a new API key owned by a user. The user must have an active membership in the specified organization.
	* @param userId - Unique identifier of the user.
	* @param options - Object containing the API key properties.
	* @returns {Promise<UserApiKeyWithValue>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async createUserApiKey(userId, options, requestOptions = {}) {
		const { data } = await this.workos.post(`/user_management/users/${encodePathParameter(userId)}/api_keys`, serializeCreateUserApiKeyOptions(options), requestOptions);
		return deserializeUserApiKeyWithValue(data);
	}
	/**
	* Get user identities
	*
	* Get a list of identities associated with the user. A user can have multiple associated identities after going through [identity linking](https://workos.com/docs/authkit/identity-linking). Currently only OAuth identities are supported. More provider types may be added in the future.
	* @returns {Promise<Identity[]>}
	* @throws {NotFoundException} 404
	*/
	async getUserIdentities(userId) {
		if (!userId) throw new TypeError(`Incomplete arguments. Need to specify 'userId'.`);
		const { data } = await this.workos.get(`/user_management/users/${encodePathParameter(userId)}/identities`);
		return deserializeIdentities(data);
	}
	/**
	* Get an organization membership
	*
	* Get the details of an existing organization membership.
	* @returns {Promise<OrganizationMembership>}
	* @throws {NotFoundException} 404
	*/
	async getOrganizationMembership(organizationMembershipId) {
		const { data } = await this.workos.get(`/user_management/organization_memberships/${encodePathParameter(organizationMembershipId)}`);
		return deserializeOrganizationMembership(data);
	}
	/**
	* List organization memberships
	*
	* Get a list of all organization memberships matching the criteria specified. At least one of `user_id` or `organization_id` must be provided. By default only active memberships are returned. Use the `statuses` parameter to filter by other statuses.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<OrganizationMembership, SerializedListOrganizationMembershipsOptions>>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async listOrganizationMemberships(options) {
		const serializedOptions = serializeListOrganizationMembershipsOptions(options);
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, "/user_management/organization_memberships", deserializeOrganizationMembership, serializedOptions), (params) => fetchAndDeserialize(this.workos, "/user_management/organization_memberships", deserializeOrganizationMembership, params), serializedOptions);
	}
	/**
	* Create an organization membership
	*
	* Creates a new `active` organization membership for the given organization and user.
	*
	* Calling this API with an organization and user that match an `inactive` organization membership will activate the membership with the specified role(s).
	* @param options - Object containing userId, organizationId.
	* @returns {Promise<OrganizationMembership>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async createOrganizationMembership(options) {
		const { data } = await this.workos.post("/user_management/organization_memberships", serializeCreateOrganizationMembershipOptions(options));
		return deserializeOrganizationMembership(data);
	}
	/**
	* Update an organization membership
	*
	* Update the details of an existing organization membership.
	* @param options - The request body.
	* @returns {Promise<OrganizationMembership>}
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async updateOrganizationMembership(organizationMembershipId, options) {
		const { data } = await this.workos.put(`/user_management/organization_memberships/${encodePathParameter(organizationMembershipId)}`, serializeUpdateOrganizationMembershipOptions(options));
		return deserializeOrganizationMembership(data);
	}
	/**
	* Delete an organization membership
	*
	* Permanently deletes an existing organization membership. It cannot be undone.
	* @returns {Promise<void>}
	* @throws {NotFoundException} 404
	*/
	async deleteOrganizationMembership(organizationMembershipId) {
		await this.workos.delete(`/user_management/organization_memberships/${encodePathParameter(organizationMembershipId)}`);
	}
	/**
	* Deactivate an organization membership
	*
	* Deactivates an `active` organization membership. Emits an [organization_membership.updated](https://workos.com/docs/events/organization-membership) event upon successful deactivation.
	*
	* - Deactivating an `inactive` membership is a no-op and does not emit an event.
	* - Deactivating a `pending` membership returns an error. This membership should be [deleted](https://workos.com/docs/reference/authkit/organization-membership/delete) instead.
	*
	* See the [membership management documentation](https://workos.com/docs/authkit/users-organizations/organizations/membership-management) for additional details.
	* @returns {Promise<OrganizationMembership>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async deactivateOrganizationMembership(organizationMembershipId) {
		const { data } = await this.workos.put(`/user_management/organization_memberships/${encodePathParameter(organizationMembershipId)}/deactivate`, {});
		return deserializeOrganizationMembership(data);
	}
	/**
	* Reactivate an organization membership
	*
	* Reactivates an `inactive` organization membership, retaining the pre-existing role(s). Emits an [organization_membership.updated](https://workos.com/docs/events/organization-membership) event upon successful reactivation.
	*
	* - Reactivating an `active` membership is a no-op and does not emit an event.
	* - Reactivating a `pending` membership returns an error. The user needs to [accept the invitation](https://workos.com/docs/authkit/invitations) instead.
	*
	* See the [membership management documentation](https://workos.com/docs/authkit/users-organizations/organizations/membership-management) for additional details.
	* @returns {Promise<OrganizationMembership>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async reactivateOrganizationMembership(organizationMembershipId) {
		const { data } = await this.workos.put(`/user_management/organization_memberships/${encodePathParameter(organizationMembershipId)}/reactivate`, {});
		return deserializeOrganizationMembership(data);
	}
	async listGroupsForOrganizationMembership(options) {
		const { organizationMembershipId, ...paginationOptions } = options;
		const endpoint = `/user_management/organization_memberships/${encodePathParameter(organizationMembershipId)}/groups`;
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, endpoint, deserializeGroup, paginationOptions), (params) => fetchAndDeserialize(this.workos, endpoint, deserializeGroup, params), paginationOptions);
	}
	async getInvitation(invitationId) {
		const { data } = await this.workos.get(`/user_management/invitations/${encodePathParameter(invitationId)}`);
		return deserializeInvitation(data);
	}
	/**
	* Find an invitation by token
	*
	* Retrieve an existing invitation using the token.
	* @returns {Promise<Invitation>}
	* @throws {NotFoundException} 404
	*/
	async findInvitationByToken(invitationToken) {
		const { data } = await this.workos.get(`/user_management/invitations/by_token/${encodePathParameter(invitationToken)}`);
		return deserializeInvitation(data);
	}
	/**
	* List invitations
	*
	* Get a list of all of invitations matching the criteria specified.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<Invitation, SerializedListInvitationsOptions>>}
	* @throws {UnprocessableEntityException} 422
	*/
	async listInvitations(options) {
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, "/user_management/invitations", deserializeInvitation, options ? serializeListInvitationsOptions(options) : void 0), (params) => fetchAndDeserialize(this.workos, "/user_management/invitations", deserializeInvitation, params), options ? serializeListInvitationsOptions(options) : void 0);
	}
	/**
	* Send an invitation
	*
	* Sends an invitation email to the recipient.
	* @param payload - Object containing email.
	* @returns {Promise<Invitation>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async sendInvitation(payload) {
		const { data } = await this.workos.post("/user_management/invitations", serializeSendInvitationOptions({ ...payload }));
		return deserializeInvitation(data);
	}
	/**
	* Accept an invitation
	*
	* Accepts an invitation and, if linked to an organization, activates the user's membership in that organization.
	* @returns {Promise<Invitation>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	*/
	async acceptInvitation(invitationId) {
		const { data } = await this.workos.post(`/user_management/invitations/${encodePathParameter(invitationId)}/accept`, null);
		return deserializeInvitation(data);
	}
	/**
	* Revoke an invitation
	*
	* Revokes an existing invitation.
	* @returns {Promise<Invitation>}
	* @throws {BadRequestException} 400
	*/
	async revokeInvitation(invitationId) {
		const { data } = await this.workos.post(`/user_management/invitations/${encodePathParameter(invitationId)}/revoke`, null);
		return deserializeInvitation(data);
	}
	/**
	* Resend an invitation
	*
	* Resends an invitation email to the recipient. The invitation must be in a pending state.
	* @param options - The request body.
	* @returns {Promise<Invitation>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async resendInvitation(invitationId, options) {
		const { data } = await this.workos.post(`/user_management/invitations/${encodePathParameter(invitationId)}/resend`, options ? serializeResendInvitationOptions(options) : {});
		return deserializeInvitation(data);
	}
	/**
	* List waitlists
	*
	* Get a list of the waitlists in the environment. All waitlists are
	* returned in a single response — this endpoint is not paginated.
	* @returns {Promise<List<Waitlist>>}
	*/
	async listWaitlists() {
		const { data } = await this.workos.get("/user_management/waitlists");
		return deserializeList(data, deserializeWaitlist);
	}
	/**
	* Get a waitlist
	*
	* Get the details of an existing waitlist. The literal id `default`
	* is accepted and resolves to the environment's default waitlist.
	* @returns {Promise<Waitlist>}
	* @throws {NotFoundException} 404
	*/
	async getWaitlist(waitlistId) {
		const { data } = await this.workos.get(`/user_management/waitlists/${encodePathParameter(waitlistId)}`);
		return deserializeWaitlist(data);
	}
	/**
	* List waitlist entries
	*
	* Get a list of the entries on a waitlist matching the criteria specified.
	* The literal id `default` is accepted and resolves to the environment's
	* default waitlist.
	* @param waitlistId - The unique ID of the waitlist.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<WaitlistEntry, SerializedListWaitlistEntriesOptions>>}
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async listWaitlistEntries(waitlistId, options) {
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, `/user_management/waitlists/${encodePathParameter(waitlistId)}/entries`, deserializeWaitlistEntry, options ? serializeListWaitlistEntriesOptions(options) : void 0), (params) => fetchAndDeserialize(this.workos, `/user_management/waitlists/${encodePathParameter(waitlistId)}/entries`, deserializeWaitlistEntry, params), options ? serializeListWaitlistEntriesOptions(options) : void 0);
	}
	/**
	* Create a waitlist entry
	*
	* Add an email address to a waitlist. Adding an email address that is
	* already on the waitlist returns the existing entry unchanged. The
	* literal id `default` is accepted and resolves to the environment's
	* default waitlist.
	* @param waitlistId - The unique ID of the waitlist.
	* @param payload - Object containing email and optional fields.
	* @returns {Promise<WaitlistEntry>}
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async createWaitlistEntry(waitlistId, payload) {
		const { data } = await this.workos.post(`/user_management/waitlists/${encodePathParameter(waitlistId)}/entries`, serializeCreateWaitlistEntryOptions(payload));
		return deserializeWaitlistEntry(data);
	}
	/**
	* Approve a waitlist entry
	*
	* Approve a waitlist entry, create an invitation for its email address,
	* and send the invitation email.
	* @returns {Promise<WaitlistEntry>}
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async approveWaitlistEntry(waitlistEntryId) {
		const { data } = await this.workos.post(`/user_management/waitlist_entries/${encodePathParameter(waitlistEntryId)}/approve`, null);
		return deserializeWaitlistEntry(data);
	}
	/**
	* Deny a waitlist entry
	*
	* Deny a pending waitlist entry.
	* @returns {Promise<WaitlistEntry>}
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async denyWaitlistEntry(waitlistEntryId) {
		const { data } = await this.workos.post(`/user_management/waitlist_entries/${encodePathParameter(waitlistEntryId)}/deny`, null);
		return deserializeWaitlistEntry(data);
	}
	/**
	* Delete a waitlist entry
	*
	* Remove the entry from the waitlist. Its email address can join again
	* unless a user with that email now exists in the environment. Deleting
	* the entry does not revoke an invitation created by approving it.
	* @returns {Promise<void>}
	* @throws {NotFoundException} 404
	*/
	async deleteWaitlistEntry(waitlistEntryId) {
		await this.workos.delete(`/user_management/waitlist_entries/${encodePathParameter(waitlistEntryId)}`);
	}
	/**
	* Revoke Session
	*
	* Revoke a [user session](https://workos.com/docs/reference/authkit/session).
	* @param payload - Object containing sessionId.
	* @returns {Promise<void>}
	* @throws {BadRequestException} 400
	*/
	async revokeSession(payload) {
		await this.workos.post("/user_management/sessions/revoke", serializeRevokeSessionOptions(payload));
	}
	/**
	* Generate an OAuth 2.0 authorization URL.
	*
	* For public clients (browser, mobile, CLI), include PKCE parameters:
	* - Generate PKCE using workos.pkce.generate()
	* - Pass codeChallenge and codeChallengeMethod here
	* - Store codeVerifier and pass to authenticateWithCode() later
	*
	* Or use getAuthorizationUrlWithPKCE() which handles PKCE automatically.
	*/
	getAuthorizationUrl(options) {
		const { claimNonce, connectionId, codeChallenge, codeChallengeMethod, clientId, domainHint, invitationToken, loginHint, maxAge, organizationId, provider, providerQueryParams, providerScopes, prompt, redirectUri, state, screenHint } = options;
		const resolvedClientId = this.resolveClientId(clientId);
		if (!provider && !connectionId && !organizationId) throw new TypeError(`Incomplete arguments. Need to specify either a 'connectionId', 'organizationId', or 'provider'.`);
		if (provider !== "authkit" && screenHint) throw new TypeError(`'screenHint' is only supported for 'authkit' provider`);
		const query = toQueryString({
			claim_nonce: claimNonce,
			connection_id: connectionId,
			code_challenge: codeChallenge,
			code_challenge_method: codeChallengeMethod,
			organization_id: organizationId,
			domain_hint: domainHint,
			invitation_token: invitationToken,
			login_hint: loginHint,
			max_age: maxAge?.toString(),
			provider,
			provider_query_params: providerQueryParams,
			provider_scopes: providerScopes,
			prompt,
			client_id: resolvedClientId,
			redirect_uri: redirectUri,
			response_type: "code",
			state,
			screen_hint: screenHint
		});
		return `${this.workos.baseURL}/user_management/authorize?${query}`;
	}
	/**
	* Generate an OAuth 2.0 authorization URL with automatic PKCE.
	*
	* This method generates PKCE parameters internally and returns them along with
	* the authorization URL. Use this for public clients (CLI apps, Electron, mobile)
	* that cannot securely store a client secret.
	*
	* @returns Object containing url, state, and codeVerifier
	*
	* @example
	* ```typescript
	* const { url, state, codeVerifier } = await workos.userManagement.getAuthorizationUrlWithPKCE({
	*   provider: 'authkit',
	*   clientId: 'client_123',
	*   redirectUri: 'myapp://callback',
	* });
	*
	* // Store state and codeVerifier securely, then redirect user to url
	* // After callback, exchange the code:
	* const response = await workos.userManagement.authenticateWithCode({
	*   code: authorizationCode,
	*   codeVerifier,
	*   clientId: 'client_123',
	* });
	* ```
	*/
	async getAuthorizationUrlWithPKCE(options) {
		const { clientId, connectionId, domainHint, loginHint, maxAge, organizationId, provider, providerQueryParams, providerScopes, prompt, redirectUri, screenHint } = options;
		const resolvedClientId = this.resolveClientId(clientId);
		if (!provider && !connectionId && !organizationId) throw new TypeError(`Incomplete arguments. Need to specify either a 'connectionId', 'organizationId', or 'provider'.`);
		if (provider !== "authkit" && screenHint) throw new TypeError(`'screenHint' is only supported for 'authkit' provider`);
		const pkce = await this.workos.pkce.generate();
		const state = this.workos.pkce.generateCodeVerifier(43);
		const query = toQueryString({
			connection_id: connectionId,
			code_challenge: pkce.codeChallenge,
			code_challenge_method: "S256",
			organization_id: organizationId,
			domain_hint: domainHint,
			login_hint: loginHint,
			max_age: maxAge?.toString(),
			provider,
			provider_query_params: providerQueryParams,
			provider_scopes: providerScopes,
			prompt,
			client_id: resolvedClientId,
			redirect_uri: redirectUri,
			response_type: "code",
			state,
			screen_hint: screenHint
		});
		return {
			url: `${this.workos.baseURL}/user_management/authorize?${query}`,
			state,
			codeVerifier: pkce.codeVerifier
		};
	}
	/**
	* Logout
	*
	* Logout a user from the current [session](https://workos.com/docs/reference/authkit/session).
	* @param options.sessionId - The ID of the session to revoke. This can be extracted from the `sid` claim of the access token.
	*
	* @example
	* "session_01H93ZY4F80QPBEZ1R5B2SHQG8"
	*
	* @param options.returnTo - The URL to redirect the user to after session revocation.
	*
	* @example
	* "https://example.com"
	*
	* @returns {string}
	* @throws {UnprocessableEntityException} 422
	*/
	getLogoutUrl(options) {
		const { sessionId, returnTo } = options;
		if (!sessionId) throw new TypeError(`Incomplete arguments. Need to specify 'sessionId'.`);
		const url = new URL("/user_management/sessions/logout", this.workos.baseURL);
		url.searchParams.set("session_id", sessionId);
		if (returnTo) url.searchParams.set("return_to", returnTo);
		return url.toString();
	}
	getJwksUrl(clientId) {
		if (!clientId) throw new TypeError("clientId must be a valid clientId");
		return `${this.workos.baseURL}/sso/jwks/${clientId}`;
	}
};
//#endregion
//#region src/feature-flags/event-emitter.ts
/**
* Minimal, runtime-agnostic, typed event emitter.
*
* Replaces eventemitter3 so the SDK carries no event dependency and works in
* edge runtimes where `node:events` is not available. Generic over an event
* map (`{ eventName: [arg1, arg2, ...] }`) for compile-time-checked event
* names and payloads.
*
* Unlike eventemitter3, an unhandled `'error'` event throws instead of being
* silently dropped — matching Node's `EventEmitter` so failures are never
* swallowed.
*/
var EventEmitter = class {
	handlers = /* @__PURE__ */ new Map();
	on(event, fn) {
		return this.add(event, fn, false);
	}
	once(event, fn) {
		return this.add(event, fn, true);
	}
	off(event, fn) {
		this.remove(event, (h) => h.fn !== fn);
		return this;
	}
	emit(event, ...args) {
		const list = this.handlers.get(event);
		if (!list || list.length === 0) {
			if (event === "error") throw args[0] instanceof Error ? args[0] : new Error(String(args[0]));
			return false;
		}
		for (const h of [...list]) {
			if (h.once) this.remove(event, (existing) => existing !== h);
			h.fn(...args);
		}
		return true;
	}
	listenerCount(event) {
		return this.handlers.get(event)?.length ?? 0;
	}
	removeAllListeners(event) {
		if (event === void 0) this.handlers.clear();
		else this.handlers.delete(event);
		return this;
	}
	addListener(event, fn) {
		return this.on(event, fn);
	}
	removeListener(event, fn) {
		return this.off(event, fn);
	}
	listeners(event) {
		return (this.handlers.get(event) ?? []).map((h) => h.fn);
	}
	eventNames() {
		return [...this.handlers.keys()];
	}
	add(event, fn, once) {
		const list = this.handlers.get(event) ?? [];
		list.push({
			fn,
			once
		});
		this.handlers.set(event, list);
		return this;
	}
	remove(event, keep) {
		const list = this.handlers.get(event);
		if (!list) return;
		const next = list.filter(keep);
		if (next.length) this.handlers.set(event, next);
		else this.handlers.delete(event);
	}
};
//#endregion
//#region src/feature-flags/in-memory-store.ts
var InMemoryStore = class {
	flags = {};
	swap(newFlags) {
		this.flags = { ...newFlags };
	}
	get(slug) {
		return this.flags[slug];
	}
	getAll() {
		return { ...this.flags };
	}
	get size() {
		return Object.keys(this.flags).length;
	}
};
//#endregion
//#region src/feature-flags/evaluator.ts
const TARGET_TYPE_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;
const TARGET_ID_PATTERN = /^[A-Za-z0-9._:-]{1,255}$/;
const LEGACY_KEY_TO_TARGET_TYPE = /* @__PURE__ */ new Map([["userId", "user"], ["organizationId", "organization"]]);
const isEvaluationResource = (value) => typeof value === "object" && value !== null && "id" in value && typeof value.id === "string";
var Evaluator = class {
	store;
	logger;
	constructor(store, logger) {
		this.store = store;
		this.logger = logger;
	}
	isEnabled(flagKey, context = {}, defaultValue = false) {
		return this.evaluate(this.store.get(flagKey), this.normalizeContext(context), defaultValue);
	}
	getAllFlags(context = {}) {
		const normalizedContext = this.normalizeContext(context);
		const flags = this.store.getAll();
		const result = {};
		for (const slug of Object.keys(flags)) result[slug] = this.evaluate(flags[slug], normalizedContext, false);
		return result;
	}
	evaluate(entry, normalizedContext, defaultValue) {
		if (!entry) return defaultValue;
		if (!entry.enabled) return false;
		for (const [targetType, targetId] of normalizedContext) if (this.hasEnabledTarget(entry, targetType, targetId)) return true;
		return entry.default_value;
	}
	/**
	* Reduces either context form to target type → ID pairs. Evaluation must
	* never throw in application code, so every invalid piece of context
	* degrades to "matches no targets" with a logged warning instead of an
	* error.
	*/
	normalizeContext(context) {
		const normalized = /* @__PURE__ */ new Map();
		const record = context;
		const legacyEntries = [];
		const typedKeys = [];
		for (const [key, value] of Object.entries(record)) {
			if (value === void 0 || value === null) continue;
			const legacyTargetType = LEGACY_KEY_TO_TARGET_TYPE.get(key);
			if (legacyTargetType) {
				if (typeof value === "string" && value !== "") legacyEntries.push([legacyTargetType, value]);
				continue;
			}
			typedKeys.push(key);
		}
		const resourceShapedKeys = typedKeys.filter((key) => typeof record[key] === "object");
		if (legacyEntries.length > 0 && resourceShapedKeys.length > 0) {
			this.logger?.warn("Evaluation context mixes legacy keys (userId/organizationId) with typed target keys; no targets will match", { keys: Object.keys(record) });
			return normalized;
		}
		if (legacyEntries.length > 0) {
			for (const [targetType, targetId] of legacyEntries) normalized.set(targetType, targetId);
			return normalized;
		}
		for (const key of typedKeys) {
			if (!TARGET_TYPE_PATTERN.test(key)) {
				this.logger?.warn(`Ignoring invalid target type in evaluation context: ${key}`);
				continue;
			}
			const value = record[key];
			if (!isEvaluationResource(value)) {
				this.logger?.warn(`Ignoring target type with a missing or invalid resource id in evaluation context: ${key}`);
				continue;
			}
			const { id } = value;
			if (!TARGET_ID_PATTERN.test(id) || id === "." || id === "..") {
				this.logger?.warn(`Ignoring invalid target id in evaluation context for type: ${key}`);
				continue;
			}
			normalized.set(key, id);
		}
		return normalized;
	}
	/**
	* A target participates in evaluation only while its `enabled` is true. A
	* `false` value is reserved for future disabled overrides and is treated
	* as if the target were absent.
	*/
	hasEnabledTarget(entry, targetType, targetId) {
		if (targetType === "user") return entry.targets.users.some((t) => t.id === targetId && t.enabled);
		if (targetType === "organization") return entry.targets.organizations.some((t) => t.id === targetId && t.enabled);
		return (entry.targets.custom_targets ?? []).some((t) => t.type === targetType && t.id === targetId && t.enabled);
	}
};
//#endregion
//#region src/feature-flags/runtime-client.ts
const DEFAULT_POLLING_INTERVAL_MS = 3e4;
const MIN_POLLING_INTERVAL_MS = 5e3;
const MIN_DELAY_MS = 1e3;
const DEFAULT_REQUEST_TIMEOUT_MS = 1e4;
const JITTER_FACTOR = .1;
const INITIAL_RETRY_MS = 1e3;
const MAX_RETRY_MS = 6e4;
const BACKOFF_MULTIPLIER = 2;
var FeatureFlagsRuntimeClient = class extends EventEmitter {
	workos;
	store;
	evaluator;
	pollingIntervalMs;
	requestTimeoutMs;
	logger;
	closed = false;
	initialized = false;
	consecutiveErrors = 0;
	pollTimer = null;
	pollAbortController = null;
	readyResolve = null;
	readyReject = null;
	readyPromise;
	stats = {
		pollCount: 0,
		pollErrorCount: 0,
		lastPollAt: null,
		lastSuccessfulPollAt: null,
		cacheAge: null,
		flagCount: 0
	};
	constructor(workos, options = {}) {
		super();
		this.workos = workos;
		this.pollingIntervalMs = Math.max(MIN_POLLING_INTERVAL_MS, options.pollingIntervalMs ?? DEFAULT_POLLING_INTERVAL_MS);
		this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
		this.logger = options.logger;
		this.store = new InMemoryStore();
		this.evaluator = new Evaluator(this.store, this.logger);
		this.readyPromise = new Promise((resolve, reject) => {
			this.readyResolve = resolve;
			this.readyReject = reject;
		});
		this.readyPromise.catch(() => {});
		if (options.bootstrapFlags) {
			this.store.swap(options.bootstrapFlags);
			this.stats.flagCount = this.store.size;
			this.resolveReady();
		}
		setTimeout(() => this.poll(), 0);
	}
	async waitUntilReady(options) {
		if (!options?.timeoutMs) return this.readyPromise;
		let timeoutId;
		const timeoutPromise = new Promise((_, reject) => {
			timeoutId = setTimeout(() => reject(/* @__PURE__ */ new Error("waitUntilReady timed out")), options.timeoutMs);
		});
		timeoutPromise.catch(() => {});
		return Promise.race([this.readyPromise, timeoutPromise]).finally(() => {
			clearTimeout(timeoutId);
		});
	}
	close() {
		this.closed = true;
		this.pollAbortController?.abort();
		if (this.pollTimer) {
			clearTimeout(this.pollTimer);
			this.pollTimer = null;
		}
		this.removeAllListeners();
	}
	isEnabled(flagKey, context, defaultValue) {
		return this.evaluator.isEnabled(flagKey, context, defaultValue);
	}
	getAllFlags(context) {
		return this.evaluator.getAllFlags(context);
	}
	getFlag(flagKey) {
		return this.store.get(flagKey);
	}
	getStats() {
		return {
			...this.stats,
			cacheAge: this.stats.lastSuccessfulPollAt ? Date.now() - this.stats.lastSuccessfulPollAt.getTime() : null
		};
	}
	resolveReady() {
		if (this.readyResolve) {
			this.readyResolve();
			this.readyResolve = null;
		}
	}
	async poll() {
		if (this.closed) return;
		const previousFlags = this.store.getAll();
		try {
			this.stats.pollCount++;
			this.stats.lastPollAt = /* @__PURE__ */ new Date();
			const data = await this.fetchWithTimeout();
			this.store.swap(data);
			this.stats.lastSuccessfulPollAt = /* @__PURE__ */ new Date();
			this.stats.flagCount = this.store.size;
			this.consecutiveErrors = 0;
			if (this.initialized) this.emitChanges(previousFlags, data);
			this.initialized = true;
			this.resolveReady();
			this.logger?.debug("Poll successful", { flagCount: this.store.size });
		} catch (error) {
			if (this.closed) return;
			const err = error instanceof Error ? error : new Error(String(error));
			this.consecutiveErrors++;
			this.stats.pollErrorCount++;
			this.emit("error", err);
			this.logger?.error("Poll failed", err);
			if (err instanceof UnauthorizedException) {
				this.emit("failed", err);
				if (!this.initialized && this.readyReject) {
					this.readyReject(err);
					this.readyReject = null;
				}
				return;
			}
		}
		this.scheduleNextPoll();
	}
	async fetchWithTimeout() {
		this.pollAbortController = new AbortController();
		const { signal } = this.pollAbortController;
		let timeoutId;
		const fetchPromise = this.workos.get("/sdk/feature-flags").then(({ data }) => data);
		const timeoutPromise = new Promise((_, reject) => {
			timeoutId = setTimeout(() => {
				this.pollAbortController?.abort();
				reject(/* @__PURE__ */ new Error("Request timed out"));
			}, this.requestTimeoutMs);
		});
		const abortPromise = new Promise((_, reject) => {
			if (signal.aborted) {
				reject(/* @__PURE__ */ new Error("Poll aborted"));
				return;
			}
			signal.addEventListener("abort", () => reject(/* @__PURE__ */ new Error("Poll aborted")), { once: true });
		});
		return Promise.race([
			fetchPromise,
			timeoutPromise,
			abortPromise
		]).finally(() => {
			clearTimeout(timeoutId);
		});
	}
	scheduleNextPoll() {
		if (this.closed) return;
		let baseDelay = this.pollingIntervalMs;
		if (this.consecutiveErrors > 0) {
			const backoff = Math.min(INITIAL_RETRY_MS * Math.pow(BACKOFF_MULTIPLIER, this.consecutiveErrors - 1), MAX_RETRY_MS);
			baseDelay = Math.max(baseDelay, backoff);
		}
		const jitter = 1 + (Math.random() * 2 - 1) * JITTER_FACTOR;
		const delay = Math.max(MIN_DELAY_MS, baseDelay * jitter);
		this.pollTimer = setTimeout(() => this.poll(), delay);
	}
	emitChanges(previous, current) {
		if (!previous || !current) return;
		const allKeys = /* @__PURE__ */ new Set([...Object.keys(previous), ...Object.keys(current)]);
		for (const key of allKeys) {
			const prev = previous[key];
			const curr = current[key];
			if (this.hasEntryChanged(prev, curr)) this.emit("change", {
				key,
				previous: prev ?? null,
				current: curr ?? null
			});
		}
	}
	hasEntryChanged(a, b) {
		if (!a || !b) return a !== b;
		if (a.enabled !== b.enabled || a.default_value !== b.default_value) return true;
		const targetsChanged = (xs, ys) => {
			if (xs.length !== ys.length) return true;
			const map = new Map(ys.map((t) => [t.id, t.enabled]));
			return xs.some((t) => map.get(t.id) !== t.enabled);
		};
		const customTargetsChanged = (xs, ys) => {
			if (xs.length !== ys.length) return true;
			const map = new Map(ys.map((t) => [`${t.type}:${t.id}`, t.enabled]));
			return xs.some((t) => map.get(`${t.type}:${t.id}`) !== t.enabled);
		};
		return targetsChanged(a.targets.users, b.targets.users) || targetsChanged(a.targets.organizations, b.targets.organizations) || customTargetsChanged(a.targets.custom_targets ?? [], b.targets.custom_targets ?? []);
	}
};
//#endregion
//#region src/feature-flags/feature-flags.ts
var FeatureFlags = class {
	workos;
	constructor(workos) {
		this.workos = workos;
	}
	/**
	* List feature flags
	*
	* Get a list of all of your existing feature flags matching the criteria specified.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<FeatureFlag>>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async listFeatureFlags(options) {
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, "/feature-flags", deserializeFeatureFlag, options), (params) => fetchAndDeserialize(this.workos, "/feature-flags", deserializeFeatureFlag, params), options);
	}
	/**
	* Get a feature flag
	*
	* Get the details of an existing feature flag by its slug.
	* @param slug - A unique key to reference the Feature Flag.
	*
	* @example
	* "advanced-analytics"
	*
	* @returns {Promise<FeatureFlag>}
	* @throws {NotFoundException} 404
	*/
	async getFeatureFlag(slug) {
		const { data } = await this.workos.get(`/feature-flags/${encodePathParameter(slug)}`);
		return deserializeFeatureFlag(data);
	}
	/**
	* Enable a feature flag
	*
	* Enables a feature flag in the current environment.
	* @param slug - A unique key to reference the Feature Flag.
	*
	* @example
	* "advanced-analytics"
	*
	* @returns {Promise<FeatureFlag>}
	* @throws {NotFoundException} 404
	*/
	async enableFeatureFlag(slug) {
		const { data } = await this.workos.put(`/feature-flags/${encodePathParameter(slug)}/enable`, {});
		return deserializeFeatureFlag(data);
	}
	/**
	* Disable a feature flag
	*
	* Disables a feature flag in the current environment.
	* @param slug - A unique key to reference the Feature Flag.
	*
	* @example
	* "advanced-analytics"
	*
	* @returns {Promise<FeatureFlag>}
	* @throws {NotFoundException} 404
	*/
	async disableFeatureFlag(slug) {
		const { data } = await this.workos.put(`/feature-flags/${encodePathParameter(slug)}/disable`, {});
		return deserializeFeatureFlag(data);
	}
	/**
	* Add a feature flag target
	*
	* Enables a feature flag for a specific target in the current environment. Currently, supported targets include users and organizations.
	* @params options - Object containing slug and targetId.
	* @returns {Promise<void>}
	* @throws {BadRequestException} 400
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	*/
	async addFlagTarget(options) {
		const { slug, targetId } = options;
		await this.workos.post(`/feature-flags/${encodePathParameter(slug)}/targets/${encodePathParameter(targetId)}`, {});
	}
	/**
	* Remove a feature flag target
	*
	* Removes a target from the feature flag's target list in the current environment. Currently, supported targets include users and organizations.
	* @params options - Object containing slug and targetId.
	* @returns {Promise<void>}
	* @throws {BadRequestException} 400
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	*/
	async removeFlagTarget(options) {
		const { slug, targetId } = options;
		await this.workos.delete(`/feature-flags/${encodePathParameter(slug)}/targets/${encodePathParameter(targetId)}`);
	}
	/**
	* List enabled feature flags for an organization
	*
	* Get a list of all enabled feature flags for an organization.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<FeatureFlag>>}
	* @throws {NotFoundException} 404
	*/
	async listOrganizationFeatureFlags(options) {
		const { organizationId, ...paginationOptions } = options;
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, `/organizations/${encodePathParameter(organizationId)}/feature-flags`, deserializeFeatureFlag, paginationOptions), (params) => fetchAndDeserialize(this.workos, `/organizations/${encodePathParameter(organizationId)}/feature-flags`, deserializeFeatureFlag, params), paginationOptions);
	}
	/**
	* List enabled feature flags for a user
	*
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<Flag>>}
	* @throws {NotFoundException} 404
	*/
	async listUserFeatureFlags(options) {
		const { userId, ...paginationOptions } = options;
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, `/user_management/users/${encodePathParameter(userId)}/feature-flags`, deserializeFeatureFlag, paginationOptions), (params) => fetchAndDeserialize(this.workos, `/user_management/users/${encodePathParameter(userId)}/feature-flags`, deserializeFeatureFlag, params), paginationOptions);
	}
	createRuntimeClient(options) {
		return new FeatureFlagsRuntimeClient(this.workos, options);
	}
};
//#endregion
//#region src/groups/groups.ts
var Groups = class {
	workos;
	constructor(workos) {
		this.workos = workos;
	}
	/**
	* List Group members
	*
	* Get a list of organization memberships in a group.
	* @param options - Pagination and filter options.
	* @param options.organizationId - Unique identifier of the Organization.
	* @example "org_01EHWNCE74X7JSDV0X3SZ3KJNY"
	* @param options.groupId - Unique identifier of the Group.
	* @example "group_01HXYZ123456789ABCDEFGHIJ"
	* @returns {Promise<AutoPaginatable<AuthorizationOrganizationMembership>>}
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	*/
	async listOrganizationMemberships(options) {
		const { organizationId, groupId, ...paginationOptions } = options;
		const endpoint = `/organizations/${encodeURIComponent(organizationId)}/groups/${encodeURIComponent(groupId)}/organization-memberships`;
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, endpoint, deserializeAuthorizationOrganizationMembership, paginationOptions), (params) => fetchAndDeserialize(this.workos, endpoint, deserializeAuthorizationOrganizationMembership, params), paginationOptions);
	}
	/**
	* List groups
	*
	* Get a paginated list of groups within an organization.
	* @param options - Pagination and filter options.
	* @param options.organizationId - The ID of the organization.
	* @example "org_01EHWNCE74X7JSDV0X3SZ3KJNY"
	* @returns {Promise<AutoPaginatable<Group, PaginationOptions>>}
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	*/
	async listGroups(options) {
		const { organizationId, ...paginationOptions } = options;
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, `/organizations/${encodeURIComponent(organizationId)}/groups`, deserializeGroup, paginationOptions), (params) => fetchAndDeserialize(this.workos, `/organizations/${encodeURIComponent(organizationId)}/groups`, deserializeGroup, params), paginationOptions);
	}
	/**
	* Create a group
	*
	* Create a new group within an organization.
	* @param options - Object containing name.
	* @param options.organizationId - The ID of the organization.
	* @example "org_01EHWNCE74X7JSDV0X3SZ3KJNY"
	* @param options.name - The name of the Group.
	* @example "Engineering"
	* @param options.description - An optional description of the Group.
	* @example "The engineering team"
	* @returns {Promise<Group>}
	* @throws {BadRequestException} 400
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async createGroup(options) {
		const { organizationId, ...payload } = options;
		const { data } = await this.workos.post(`/organizations/${encodeURIComponent(organizationId)}/groups`, serializeCreateGroup(payload));
		return deserializeGroup(data);
	}
	/**
	* Get a group
	*
	* Retrieve a group by its ID within an organization.
	* @param options - The request options.
	* @param options.organizationId - The ID of the organization.
	* @example "org_01EHWNCE74X7JSDV0X3SZ3KJNY"
	* @param options.groupId - The ID of the group.
	* @example "group_01HXYZ123456789ABCDEFGHIJ"
	* @returns {Promise<Group>}
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	*/
	async getGroup(options) {
		const { organizationId, groupId } = options;
		const { data } = await this.workos.get(`/organizations/${encodeURIComponent(organizationId)}/groups/${encodeURIComponent(groupId)}`);
		return deserializeGroup(data);
	}
	/**
	* Update a group
	*
	* Update an existing group. Only the fields provided in the request body will be updated.
	* @param options - The request body.
	* @param options.organizationId - The ID of the organization.
	* @example "org_01EHWNCE74X7JSDV0X3SZ3KJNY"
	* @param options.groupId - The ID of the group.
	* @example "group_01HXYZ123456789ABCDEFGHIJ"
	* @param options.name - The name of the Group.
	* @example "Engineering"
	* @param options.description - An optional description of the Group.
	* @example "The engineering team"
	* @returns {Promise<Group>}
	* @throws {BadRequestException} 400
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async updateGroup(options) {
		const { organizationId, groupId, ...payload } = options;
		const { data } = await this.workos.patch(`/organizations/${encodeURIComponent(organizationId)}/groups/${encodeURIComponent(groupId)}`, serializeUpdateGroup(payload));
		return deserializeGroup(data);
	}
	/**
	* Delete a group
	*
	* Delete a group from an organization.
	* @param options - The request options.
	* @param options.organizationId - The ID of the organization.
	* @example "org_01EHWNCE74X7JSDV0X3SZ3KJNY"
	* @param options.groupId - The ID of the group.
	* @example "group_01HXYZ123456789ABCDEFGHIJ"
	* @returns {Promise<void>}
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	*/
	async deleteGroup(options) {
		const { organizationId, groupId } = options;
		await this.workos.delete(`/organizations/${encodeURIComponent(organizationId)}/groups/${encodeURIComponent(groupId)}`);
	}
	/**
	* Add a member to a Group
	*
	* Add an organization membership to a group.
	* @param options - Object containing organizationMembershipId.
	* @param options.organizationId - Unique identifier of the Organization.
	* @example "org_01EHWNCE74X7JSDV0X3SZ3KJNY"
	* @param options.groupId - Unique identifier of the Group.
	* @example "group_01HXYZ123456789ABCDEFGHIJ"
	* @param options.organizationMembershipId - The ID of the Organization Membership to add to the group.
	* @example "om_01HXYZ123456789ABCDEFGHIJ"
	* @returns {Promise<Group>}
	* @throws {BadRequestException} 400
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async addOrganizationMembership(options) {
		const { organizationId, groupId, ...payload } = options;
		const { data } = await this.workos.post(`/organizations/${encodeURIComponent(organizationId)}/groups/${encodeURIComponent(groupId)}/organization-memberships`, serializeCreateGroupMembership(payload));
		return deserializeGroup(data);
	}
	/**
	* Remove a member from a Group
	*
	* Remove an organization membership from a group.
	* @param options - The request options.
	* @param options.organizationId - Unique identifier of the Organization.
	* @example "org_01EHWNCE74X7JSDV0X3SZ3KJNY"
	* @param options.groupId - Unique identifier of the Group.
	* @example "group_01HXYZ123456789ABCDEFGHIJ"
	* @param options.omId - Unique identifier of the Organization Membership.
	* @example "om_01HXYZ123456789ABCDEFGHIJ"
	* @returns {Promise<void>}
	* @throws {AuthorizationException} 403
	* @throws {NotFoundException} 404
	*/
	async removeOrganizationMembership(options) {
		const { organizationId, groupId, organizationMembershipId } = options;
		await this.workos.delete(`/organizations/${encodeURIComponent(organizationId)}/groups/${encodeURIComponent(groupId)}/organization-memberships/${encodeURIComponent(organizationMembershipId)}`);
	}
};
//#endregion
//#region src/widgets/serializers/widget-session-token-response.serializer.ts
const deserializeWidgetSessionTokenResponse = (response) => ({ token: response.token });
//#endregion
//#region src/widgets/serializers/widget-session-token.serializer.ts
const serializeGetTokenOptions = (model) => ({
	organization_id: model.organizationId,
	user_id: model.userId,
	scopes: model.scopes
});
//#endregion
//#region src/widgets/widgets.ts
var Widgets = class {
	workos;
	constructor(workos) {
		this.workos = workos;
	}
	/**
	* Generate a widget token
	*
	* Generate a widget token scoped to an organization and user with the specified scopes.
	* @param options - The request options.
	* @returns {Promise<WidgetSessionTokenResponse>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async createToken(options) {
		const payload = options;
		const { data } = await this.workos.post("/widgets/token", serializeGetTokenOptions(payload));
		return deserializeWidgetSessionTokenResponse(data);
	}
};
//#endregion
//#region src/authorization/serializers/environment-role.serializer.ts
const deserializeEnvironmentRole = (role) => ({
	object: role.object,
	id: role.id,
	name: role.name,
	slug: role.slug,
	description: role.description,
	permissions: role.permissions,
	resourceTypeSlug: role.resource_type_slug,
	type: role.type,
	createdAt: role.created_at,
	updatedAt: role.updated_at
});
//#endregion
//#region src/authorization/serializers/create-environment-role-options.serializer.ts
const serializeCreateEnvironmentRoleOptions = (options) => ({
	slug: options.slug,
	name: options.name,
	description: options.description,
	resource_type_slug: options.resourceTypeSlug
});
//#endregion
//#region src/authorization/serializers/update-environment-role-options.serializer.ts
const serializeUpdateEnvironmentRoleOptions = (options) => ({
	name: options.name,
	description: options.description
});
//#endregion
//#region src/authorization/serializers/create-organization-role-options.serializer.ts
const serializeCreateOrganizationRoleOptions = (options) => ({
	slug: options.slug,
	name: options.name,
	description: options.description,
	resource_type_slug: options.resourceTypeSlug
});
//#endregion
//#region src/authorization/serializers/update-organization-role-options.serializer.ts
const serializeUpdateOrganizationRoleOptions = (options) => ({
	name: options.name,
	description: options.description
});
//#endregion
//#region src/authorization/serializers/create-permission-options.serializer.ts
const serializeCreatePermissionOptions = (options) => ({
	slug: options.slug,
	name: options.name,
	description: options.description,
	resource_type_slug: options.resourceTypeSlug
});
//#endregion
//#region src/authorization/serializers/update-permission-options.serializer.ts
const serializeUpdatePermissionOptions = (options) => ({
	name: options.name,
	description: options.description
});
//#endregion
//#region src/authorization/serializers/authorization-resource.serializer.ts
const deserializeAuthorizationResource = (resource) => ({
	object: resource.object,
	id: resource.id,
	externalId: resource.external_id,
	name: resource.name,
	description: resource.description,
	resourceTypeSlug: resource.resource_type_slug,
	organizationId: resource.organization_id,
	parentResourceId: resource.parent_resource_id,
	createdAt: resource.created_at,
	updatedAt: resource.updated_at
});
//#endregion
//#region src/authorization/serializers/create-authorization-resource-options.serializer.ts
const serializeCreateResourceOptions = (options) => ({
	organization_id: options.organizationId,
	resource_type_slug: options.resourceTypeSlug,
	external_id: options.externalId,
	name: options.name,
	...options.description !== void 0 && { description: options.description },
	..."parentResourceId" in options && { parent_resource_id: options.parentResourceId },
	..."parentResourceExternalId" in options && {
		parent_resource_external_id: options.parentResourceExternalId,
		parent_resource_type_slug: options.parentResourceTypeSlug
	}
});
//#endregion
//#region src/authorization/serializers/update-authorization-resource-options.serializer.ts
const serializeUpdateResourceOptions = (options) => ({
	...options.name !== void 0 && { name: options.name },
	...options.description !== void 0 && { description: options.description }
});
//#endregion
//#region src/authorization/serializers/update-authorization-resource-by-external-id-options.serializer.ts
const serializeUpdateResourceByExternalIdOptions = (options) => ({
	...options.name !== void 0 && { name: options.name },
	...options.description !== void 0 && { description: options.description }
});
//#endregion
//#region src/authorization/serializers/list-authorization-resources-options.serializer.ts
const serializeListAuthorizationResourcesOptions = (options) => ({
	...options.organizationId && { organization_id: options.organizationId },
	...options.resourceTypeSlug && { resource_type_slug: options.resourceTypeSlug },
	...options.parentResourceId && { parent_resource_id: options.parentResourceId },
	...options.parentResourceTypeSlug && { parent_resource_type_slug: options.parentResourceTypeSlug },
	...options.parentExternalId && { parent_external_id: options.parentExternalId },
	...serializePaginationOptions(options)
});
//#endregion
//#region src/authorization/serializers/authorization-check-options.serializer.ts
const serializeAuthorizationCheckOptions = (options) => ({
	permission_slug: options.permissionSlug,
	..."resourceId" in options && { resource_id: options.resourceId },
	..."resourceExternalId" in options && {
		resource_external_id: options.resourceExternalId,
		resource_type_slug: options.resourceTypeSlug
	}
});
//#endregion
//#region src/authorization/serializers/list-resources-for-membership-options.serializer.ts
const serializeListResourcesForMembershipOptions = (options) => ({
	permission_slug: options.permissionSlug,
	...serializePaginationOptions(options),
	..."parentResourceId" in options && { parent_resource_id: options.parentResourceId },
	..."parentResourceExternalId" in options && {
		parent_resource_type_slug: options.parentResourceTypeSlug,
		parent_resource_external_id: options.parentResourceExternalId
	}
});
//#endregion
//#region src/authorization/serializers/list-memberships-for-resource-options.serializer.ts
const serializeListMembershipsForResourceOptions = (options) => ({
	permission_slug: options.permissionSlug,
	...options.assignment && { assignment: options.assignment },
	...serializePaginationOptions(options)
});
//#endregion
//#region src/authorization/serializers/role-assignment.serializer.ts
const deserializeRoleAssignment = (response) => ({
	object: response.object,
	id: response.id,
	organizationMembershipId: response.organization_membership_id,
	role: response.role,
	resource: {
		id: response.resource.id,
		externalId: response.resource.external_id,
		resourceTypeSlug: response.resource.resource_type_slug
	},
	source: {
		type: response.source.type,
		groupRoleAssignmentId: response.source.group_role_assignment_id
	},
	createdAt: response.created_at,
	updatedAt: response.updated_at
});
//#endregion
//#region src/authorization/serializers/list-role-assignments-options.serializer.ts
const serializeListRoleAssignmentsOptions = (options) => ({
	...options.resourceId && { resource_id: options.resourceId },
	...options.resourceExternalId && { resource_external_id: options.resourceExternalId },
	...options.resourceTypeSlug && { resource_type_slug: options.resourceTypeSlug },
	...serializePaginationOptions(options)
});
//#endregion
//#region src/authorization/serializers/list-role-assignments-for-resource-options.serializer.ts
const serializeListRoleAssignmentsForResourceOptions = (options) => ({
	...options.roleSlug && { role_slug: options.roleSlug },
	...serializePaginationOptions(options)
});
//#endregion
//#region src/authorization/serializers/assign-role-options.serializer.ts
const serializeAssignRoleOptions = (options) => ({
	role_slug: options.roleSlug,
	..."resourceId" in options && { resource_id: options.resourceId },
	..."resourceExternalId" in options && {
		resource_external_id: options.resourceExternalId,
		resource_type_slug: options.resourceTypeSlug
	}
});
//#endregion
//#region src/authorization/serializers/remove-role-options.serializer.ts
const serializeRemoveRoleOptions = (options) => ({
	role_slug: options.roleSlug,
	..."resourceId" in options && { resource_id: options.resourceId },
	..."resourceExternalId" in options && {
		resource_external_id: options.resourceExternalId,
		resource_type_slug: options.resourceTypeSlug
	}
});
//#endregion
//#region src/authorization/serializers/group-role-assignment.serializer.ts
const deserializeGroupRoleAssignment = (response) => ({
	object: response.object,
	id: response.id,
	groupId: response.group_id,
	role: response.role,
	resource: {
		id: response.resource.id,
		externalId: response.resource.external_id,
		resourceTypeSlug: response.resource.resource_type_slug
	},
	createdAt: response.created_at,
	updatedAt: response.updated_at
});
//#endregion
//#region src/authorization/serializers/create-group-role-assignment-options.serializer.ts
const serializeCreateGroupRoleAssignmentOptions = (options) => ({
	role_slug: options.roleSlug,
	..."resourceId" in options && { resource_id: options.resourceId },
	..."resourceExternalId" in options && {
		resource_external_id: options.resourceExternalId,
		resource_type_slug: options.resourceTypeSlug
	}
});
//#endregion
//#region src/authorization/serializers/remove-group-role-assignments-options.serializer.ts
const serializeRemoveGroupRoleAssignmentsOptions = (options) => ({
	role_slug: options.roleSlug,
	..."resourceId" in options && { resource_id: options.resourceId },
	..."resourceExternalId" in options && {
		resource_external_id: options.resourceExternalId,
		resource_type_slug: options.resourceTypeSlug
	}
});
//#endregion
//#region src/authorization/serializers/replace-group-role-assignments-options.serializer.ts
const serializeEntry = (entry) => ({
	role_slug: entry.roleSlug,
	..."resourceId" in entry && { resource_id: entry.resourceId },
	..."resourceExternalId" in entry && {
		resource_external_id: entry.resourceExternalId,
		resource_type_slug: entry.resourceTypeSlug
	}
});
const serializeReplaceGroupRoleAssignmentsOptions = (options) => ({ role_assignments: options.roleAssignments.map(serializeEntry) });
//#endregion
//#region src/authorization/serializers/list-effective-permissions-options.serializer.ts
const serializeListEffectivePermissionsOptions = (options) => ({ ...serializePaginationOptions(options) });
//#endregion
//#region src/authorization/authorization.ts
var Authorization = class {
	workos;
	constructor(workos) {
		this.workos = workos;
	}
	/**
	* Create an environment role
	*
	* Create a new environment role.
	* @param options - Object containing slug, name.
	* @returns {Promise<EnvironmentRole>}
	* @throws {BadRequestException} 400
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async createEnvironmentRole(options) {
		const { data } = await this.workos.post("/authorization/roles", serializeCreateEnvironmentRoleOptions(options));
		return deserializeEnvironmentRole(data);
	}
	/**
	* List environment roles
	*
	* List all environment roles in priority order.
	* @returns {Promise<EnvironmentRoleList>}
	* @throws 403 response from the API.
	*/
	async listEnvironmentRoles() {
		const { data } = await this.workos.get("/authorization/roles");
		return {
			object: "list",
			data: data.data.map(deserializeEnvironmentRole)
		};
	}
	/**
	* Get an environment role
	*
	* Get an environment role by its slug.
	* @param slug - The slug of the environment role.
	*
	* @example
	* "admin"
	*
	* @returns {Promise<EnvironmentRole>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	*/
	async getEnvironmentRole(slug) {
		const { data } = await this.workos.get(`/authorization/roles/${encodePathParameter(slug)}`);
		return deserializeEnvironmentRole(data);
	}
	/**
	* Update an environment role
	*
	* Update an existing environment role.
	* @param slug - The slug of the environment role.
	*
	* @example
	* "admin"
	*
	* @param options - The request body.
	* @returns {Promise<EnvironmentRole>}
	* @throws {BadRequestException} 400
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async updateEnvironmentRole(slug, options) {
		const { data } = await this.workos.patch(`/authorization/roles/${encodePathParameter(slug)}`, serializeUpdateEnvironmentRoleOptions(options));
		return deserializeEnvironmentRole(data);
	}
	/**
	* Set permissions for an environment role
	*
	* Replace all permissions on an environment role with the provided list.
	* @param slug - The slug of the environment role.
	*
	* @example
	* "admin"
	*
	* @param options - Object containing permissions.
	* @returns {Promise<EnvironmentRole>}
	* @throws {BadRequestException} 400
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async setEnvironmentRolePermissions(slug, options) {
		const { data } = await this.workos.put(`/authorization/roles/${encodePathParameter(slug)}/permissions`, { permissions: options.permissions });
		return deserializeEnvironmentRole(data);
	}
	/**
	* Add a permission to an environment role
	*
	* Add a single permission to an environment role. If the permission is already assigned to the role, this operation has no effect.
	* @param slug - The slug of the environment role.
	*
	* @example
	* "admin"
	*
	* @param options - Object containing slug.
	* @returns {Promise<EnvironmentRole>}
	* @throws {BadRequestException} 400
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async addEnvironmentRolePermission(slug, options) {
		const { data } = await this.workos.post(`/authorization/roles/${encodePathParameter(slug)}/permissions`, { slug: options.permissionSlug });
		return deserializeEnvironmentRole(data);
	}
	/**
	* Create a custom role
	*
	* Create a new custom role for this organization.
	* @param organizationId - The ID of the organization.
	*
	* @example
	* "org_01EHZNVPK3SFK441A1RGBFSHRT"
	*
	* @param options - Object containing name.
	* @returns {Promise<OrganizationRole>}
	* @throws {BadRequestException} 400
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async createOrganizationRole(organizationId, options) {
		const { data } = await this.workos.post(`/authorization/organizations/${encodePathParameter(organizationId)}/roles`, serializeCreateOrganizationRoleOptions(options));
		return deserializeOrganizationRole(data);
	}
	/**
	* List custom roles
	*
	* Get a list of all roles that apply to an organization. This includes both environment roles and custom roles, returned in priority order.
	* @param organizationId - The ID of the organization.
	*
	* @example
	* "org_01EHZNVPK3SFK441A1RGBFSHRT"
	*
	* @returns {Promise<RoleList>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	*/
	async listOrganizationRoles(organizationId) {
		const { data } = await this.workos.get(`/authorization/organizations/${encodePathParameter(organizationId)}/roles`);
		return {
			object: "list",
			data: data.data.map(deserializeRole)
		};
	}
	/**
	* Get a custom role
	*
	* Retrieve a role that applies to an organization by its slug. This can return either an environment role or a custom role.
	* @param organizationId - The ID of the organization.
	*
	* @example
	* "org_01EHZNVPK3SFK441A1RGBFSHRT"
	*
	* @param slug - The slug of the role.
	*
	* @example
	* "org-billing-admin"
	*
	* @returns {Promise<Role>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	*/
	async getOrganizationRole(organizationId, slug) {
		const { data } = await this.workos.get(`/authorization/organizations/${encodePathParameter(organizationId)}/roles/${encodePathParameter(slug)}`);
		return deserializeRole(data);
	}
	/**
	* Update a custom role
	*
	* Update an existing custom role. Only the fields provided in the request body will be updated.
	* @param organizationId - The ID of the organization.
	*
	* @example
	* "org_01EHZNVPK3SFK441A1RGBFSHRT"
	*
	* @param slug - The slug of the role.
	*
	* @example
	* "org-billing-admin"
	*
	* @param options - The request body.
	* @returns {Promise<OrganizationRole>}
	* @throws {BadRequestException} 400
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async updateOrganizationRole(organizationId, slug, options) {
		const { data } = await this.workos.patch(`/authorization/organizations/${encodePathParameter(organizationId)}/roles/${encodePathParameter(slug)}`, serializeUpdateOrganizationRoleOptions(options));
		return deserializeOrganizationRole(data);
	}
	/**
	* Delete a custom role
	*
	* Delete an existing custom role.
	* @param organizationId - The ID of the organization.
	*
	* @example
	* "org_01EHZNVPK3SFK441A1RGBFSHRT"
	*
	* @param slug - The slug of the role.
	*
	* @example
	* "org-admin"
	*
	* @returns {Promise<void>}
	* @throws {BadRequestException} 400
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	*/
	async deleteOrganizationRole(organizationId, slug) {
		await this.workos.delete(`/authorization/organizations/${encodePathParameter(organizationId)}/roles/${encodePathParameter(slug)}`);
	}
	/**
	* Set permissions for a custom role
	*
	* Replace all permissions on a custom role with the provided list.
	* @param organizationId - The ID of the organization.
	*
	* @example
	* "org_01EHZNVPK3SFK441A1RGBFSHRT"
	*
	* @param slug - The slug of the role.
	*
	* @example
	* "org-admin"
	*
	* @param options - Object containing permissions.
	* @returns {Promise<Role>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async setOrganizationRolePermissions(organizationId, slug, options) {
		const { data } = await this.workos.put(`/authorization/organizations/${encodePathParameter(organizationId)}/roles/${encodePathParameter(slug)}/permissions`, { permissions: options.permissions });
		return deserializeOrganizationRole(data);
	}
	/**
	* Add a permission to a custom role
	*
	* Add a single permission to a custom role. If the permission is already assigned to the role, this operation has no effect.
	* @param organizationId - The ID of the organization.
	*
	* @example
	* "org_01EHZNVPK3SFK441A1RGBFSHRT"
	*
	* @param slug - The slug of the role.
	*
	* @example
	* "org-admin"
	*
	* @param options - Object containing slug.
	* @returns {Promise<Role>}
	* @throws {BadRequestException} 400
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async addOrganizationRolePermission(organizationId, slug, options) {
		const { data } = await this.workos.post(`/authorization/organizations/${encodePathParameter(organizationId)}/roles/${encodePathParameter(slug)}/permissions`, { slug: options.permissionSlug });
		return deserializeOrganizationRole(data);
	}
	/**
	* Remove a permission from a custom role
	*
	* Remove a single permission from a custom role by its slug.
	* @param organizationId - The ID of the organization.
	*
	* @example
	* "org_01EHZNVPK3SFK441A1RGBFSHRT"
	*
	* @param slug - The slug of the role.
	*
	* @example
	* "org-admin"
	*
	* @param permissionSlug - The slug of the permission to remove.
	*
	* @example
	* "documents:read"
	*
	* @returns {Promise<void>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	*/
	async removeOrganizationRolePermission(organizationId, slug, options) {
		await this.workos.delete(`/authorization/organizations/${encodePathParameter(organizationId)}/roles/${encodePathParameter(slug)}/permissions/${encodePathParameter(options.permissionSlug)}`);
	}
	/**
	* Create a permission
	*
	* Create a new permission in your WorkOS environment. The permission can then be assigned to environment roles and custom roles.
	* @param options - Object containing slug, name.
	* @returns {Promise<Permission>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async createPermission(options) {
		const { data } = await this.workos.post("/authorization/permissions", serializeCreatePermissionOptions(options));
		return deserializePermission(data);
	}
	/**
	* List permissions
	*
	* Get a list of all permissions in your WorkOS environment.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<Permission, PaginationOptions>>}
	* @throws {NotFoundException} 404
	*/
	async listPermissions(options) {
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, "/authorization/permissions", deserializePermission, options), (params) => fetchAndDeserialize(this.workos, "/authorization/permissions", deserializePermission, params), options);
	}
	/**
	* Get a permission
	*
	* Retrieve a permission by its unique slug.
	* @param slug - A unique key to reference the permission. Must be lowercase and contain only letters, numbers, hyphens, underscores, colons, periods, and asterisks.
	*
	* @example
	* "documents:read"
	*
	* @returns {Promise<Permission>}
	* @throws {NotFoundException} 404
	*/
	async getPermission(slug) {
		const { data } = await this.workos.get(`/authorization/permissions/${encodePathParameter(slug)}`);
		return deserializePermission(data);
	}
	/**
	* Update a permission
	*
	* Update an existing permission. Only the fields provided in the request body will be updated.
	* @param slug - A unique key to reference the permission. Must be lowercase and contain only letters, numbers, hyphens, underscores, colons, periods, and asterisks.
	*
	* @example
	* "documents:read"
	*
	* @param options - The request body.
	* @returns {Promise<Permission>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async updatePermission(slug, options) {
		const { data } = await this.workos.patch(`/authorization/permissions/${encodePathParameter(slug)}`, serializeUpdatePermissionOptions(options));
		return deserializePermission(data);
	}
	/**
	* Delete a permission
	*
	* Delete an existing permission. System permissions cannot be deleted.
	* @param slug - A unique key to reference the permission. Must be lowercase and contain only letters, numbers, hyphens, underscores, colons, periods, and asterisks.
	*
	* @example
	* "documents:read"
	*
	* @returns {Promise<void>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	*/
	async deletePermission(slug) {
		await this.workos.delete(`/authorization/permissions/${encodePathParameter(slug)}`);
	}
	/**
	* Get a resource
	*
	* Retrieve the details of an authorization resource by its ID.
	* @param resourceId - The ID of the authorization resource.
	*
	* @example
	* "authz_resource_01HXYZ123456789ABCDEFGHIJ"
	*
	* @returns {Promise<AuthorizationResource>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async getResource(resourceId) {
		const { data } = await this.workos.get(`/authorization/resources/${encodePathParameter(resourceId)}`);
		return deserializeAuthorizationResource(data);
	}
	/**
	* Create an authorization resource
	*
	* Create a new authorization resource.
	* @param options - Object containing externalId, name, resourceTypeSlug, organizationId.
	* @returns {Promise<AuthorizationResource>}
	* @throws {BadRequestException} 400
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async createResource(options) {
		const { data } = await this.workos.post("/authorization/resources", serializeCreateResourceOptions(options));
		return deserializeAuthorizationResource(data);
	}
	/**
	* Update a resource
	*
	* Update an existing authorization resource.
	* @param options - The request body.
	* @returns {Promise<AuthorizationResource>}
	* @throws {BadRequestException} 400
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async updateResource(options) {
		const { data } = await this.workos.patch(`/authorization/resources/${encodePathParameter(options.resourceId)}`, serializeUpdateResourceOptions(options));
		return deserializeAuthorizationResource(data);
	}
	/**
	* Delete an authorization resource
	*
	* Delete an authorization resource and all its descendants.
	* @param options.cascadeDelete - If true, deletes all descendant resources and role assignments. If not set and the resource has children or assignments, the request will fail.
	* @default false
	* @param options - Additional query options.
	* @returns {Promise<void>}
	* @throws {BadRequestException} 400
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	*/
	async deleteResource(options) {
		const { resourceId, cascadeDelete } = options;
		const query = cascadeDelete !== void 0 ? { cascade_delete: cascadeDelete.toString() } : void 0;
		await this.workos.delete(`/authorization/resources/${encodePathParameter(resourceId)}`, query);
	}
	/**
	* List resources
	*
	* Get a paginated list of authorization resources.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<AuthorizationResource, PaginationOptions>>}
	* @throws 403 response from the API.
	* @throws {UnprocessableEntityException} 422
	*/
	async listResources(options = {}) {
		const serializedOptions = serializeListAuthorizationResourcesOptions(options);
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, "/authorization/resources", deserializeAuthorizationResource, serializedOptions), (params) => fetchAndDeserialize(this.workos, "/authorization/resources", deserializeAuthorizationResource, params), serializedOptions);
	}
	/**
	* Get a resource by external ID
	*
	* Retrieve the details of an authorization resource by its external ID, organization, and resource type. This is useful when you only have the external ID from your system and need to fetch the full resource details.
	* @param organizationId - The ID of the organization that owns the resource.
	*
	* @example
	* "org_01EHZNVPK3SFK441A1RGBFSHRT"
	*
	* @param resourceTypeSlug - The slug of the resource type.
	*
	* @example
	* "project"
	*
	* @param externalId - An identifier you provide to reference the resource in your system.
	*
	* @example
	* "proj-456"
	*
	* @returns {Promise<AuthorizationResource>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	*/
	async getResourceByExternalId(options) {
		const { organizationId, resourceTypeSlug, externalId } = options;
		const { data } = await this.workos.get(`/authorization/organizations/${encodePathParameter(organizationId)}/resources/${encodePathParameter(resourceTypeSlug)}/${encodePathParameter(externalId)}`);
		return deserializeAuthorizationResource(data);
	}
	/**
	* Update a resource by external ID
	*
	* Update an existing authorization resource using its external ID.
	* @param organizationId - The ID of the organization that owns the resource.
	*
	* @example
	* "org_01EHZNVPK3SFK441A1RGBFSHRT"
	*
	* @param resourceTypeSlug - The slug of the resource type.
	*
	* @example
	* "project"
	*
	* @param externalId - An identifier you provide to reference the resource in your system.
	*
	* @example
	* "proj-456"
	*
	* @param options - The request body.
	* @returns {Promise<AuthorizationResource>}
	* @throws {BadRequestException} 400
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async updateResourceByExternalId(options) {
		const { organizationId, resourceTypeSlug, externalId } = options;
		const { data } = await this.workos.patch(`/authorization/organizations/${encodePathParameter(organizationId)}/resources/${encodePathParameter(resourceTypeSlug)}/${encodePathParameter(externalId)}`, serializeUpdateResourceByExternalIdOptions(options));
		return deserializeAuthorizationResource(data);
	}
	/**
	* Delete an authorization resource by external ID
	*
	* Delete an authorization resource by organization, resource type, and external ID. This also deletes all descendant resources.
	* @param organizationId - The ID of the organization that owns the resource.
	*
	* @example
	* "org_01EHZNVPK3SFK441A1RGBFSHRT"
	*
	* @param resourceTypeSlug - The slug of the resource type.
	*
	* @example
	* "project"
	*
	* @param externalId - An identifier you provide to reference the resource in your system.
	*
	* @example
	* "proj-456"
	*
	* @param options - Additional query options.
	* @returns {Promise<void>}
	* @throws {BadRequestException} 400
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	*/
	async deleteResourceByExternalId(options) {
		const { organizationId, resourceTypeSlug, externalId, cascadeDelete } = options;
		const query = cascadeDelete !== void 0 ? { cascade_delete: cascadeDelete.toString() } : void 0;
		await this.workos.delete(`/authorization/organizations/${encodePathParameter(organizationId)}/resources/${encodePathParameter(resourceTypeSlug)}/${encodePathParameter(externalId)}`, query);
	}
	/**
	* Check authorization
	*
	* Check if an organization membership has a specific permission on a resource. Supports identification by resource_id OR by resource_external_id + resource_type_slug.
	* @param options - Object containing permissionSlug.
	* @returns {Promise<AuthorizationCheckResult>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async check(options) {
		const { data } = await this.workos.post(`/authorization/organization_memberships/${encodePathParameter(options.organizationMembershipId)}/check`, serializeAuthorizationCheckOptions(options));
		return data;
	}
	/**
	* List role assignments
	*
	* List all role assignments for an organization membership. This returns all roles that have been assigned to the user on resources, including organization-level and sub-resource roles.
	* @param organizationMembershipId - The ID of the organization membership.
	*
	* @example
	* "om_01HXYZ123456789ABCDEFGHIJ"
	*
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<RoleAssignment>>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	*/
	async listRoleAssignments(options) {
		const { organizationMembershipId, ...queryOptions } = options;
		const endpoint = `/authorization/organization_memberships/${encodePathParameter(organizationMembershipId)}/role_assignments`;
		const serializedOptions = serializeListRoleAssignmentsOptions(queryOptions);
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, endpoint, deserializeRoleAssignment, serializedOptions), (params) => fetchAndDeserialize(this.workos, endpoint, deserializeRoleAssignment, params), serializedOptions);
	}
	/**
	* List role assignments for a resource
	*
	* List all role assignments granted on a resource. This returns every role assignment scoped to the resource, regardless of which organization membership received it.
	* @param resourceId - The ID of the authorization resource.
	*
	* @example
	* "authz_resource_01HXYZ123456789ABCDEFGHIJ"
	*
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<RoleAssignment>>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	*/
	async listRoleAssignmentsForResource(options) {
		const { resourceId, ...queryOptions } = options;
		const endpoint = `/authorization/resources/${encodePathParameter(resourceId)}/role_assignments`;
		const serializedOptions = serializeListRoleAssignmentsForResourceOptions(queryOptions);
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, endpoint, deserializeRoleAssignment, serializedOptions), (params) => fetchAndDeserialize(this.workos, endpoint, deserializeRoleAssignment, params), serializedOptions);
	}
	/**
	* List role assignments for a resource by external ID
	*
	* List all role assignments granted on a resource identified by its external ID, organization, and resource type. This returns every role assignment scoped to the resource, regardless of which organization membership received it.
	* @param organizationId - The ID of the organization that owns the resource.
	*
	* @example
	* "org_01EHZNVPK3SFK441A1RGBFSHRT"
	*
	* @param resourceTypeSlug - The slug of the resource type this resource belongs to.
	*
	* @example
	* "project"
	*
	* @param externalId - An identifier you provide to reference the resource in your system.
	*
	* @example
	* "proj-456"
	*
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<RoleAssignment>>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	*/
	async listResourceRoleAssignments(options) {
		const { organizationId, resourceTypeSlug, externalId, ...queryOptions } = options;
		const endpoint = `/authorization/organizations/${encodePathParameter(organizationId)}/resources/${encodePathParameter(resourceTypeSlug)}/${encodePathParameter(externalId)}/role_assignments`;
		const serializedOptions = serializeListRoleAssignmentsForResourceOptions(queryOptions);
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, endpoint, deserializeRoleAssignment, serializedOptions), (params) => fetchAndDeserialize(this.workos, endpoint, deserializeRoleAssignment, params), serializedOptions);
	}
	/**
	* Assign a role
	*
	* Assign a role to an organization membership on a specific resource.
	* @param options - Object containing roleSlug.
	* @returns {Promise<RoleAssignment>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async assignRole(options) {
		const { data } = await this.workos.post(`/authorization/organization_memberships/${encodePathParameter(options.organizationMembershipId)}/role_assignments`, serializeAssignRoleOptions(options));
		return deserializeRoleAssignment(data);
	}
	/**
	* Remove a role assignment
	*
	* Remove a role assignment by role slug and resource.
	* @param options - Object containing roleSlug.
	* @returns {Promise<void>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async removeRole(options) {
		await this.workos.deleteWithBody(`/authorization/organization_memberships/${encodePathParameter(options.organizationMembershipId)}/role_assignments`, serializeRemoveRoleOptions(options));
	}
	/**
	* Remove a role assignment by ID
	*
	* Remove a role assignment using its ID.
	* @param organizationMembershipId - The ID of the organization membership.
	*
	* @example
	* "om_01HXYZ123456789ABCDEFGHIJ"
	*
	* @param roleAssignmentId - The ID of the role assignment to remove.
	*
	* @example
	* "role_assignment_01HXYZ123456789ABCDEFGH"
	*
	* @returns {Promise<void>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	*/
	async removeRoleAssignment(options) {
		await this.workos.delete(`/authorization/organization_memberships/${encodePathParameter(options.organizationMembershipId)}/role_assignments/${encodePathParameter(options.roleAssignmentId)}`);
	}
	/**
	* List role assignments for a group
	*
	* List all role assignments granted to a group. Each assignment represents a role granted to the group on a resource.
	* @param options - Pagination options.
	* @param options.groupId - The ID of the group.
	*
	* @example
	* "group_01HXYZ123456789ABCDEFGHIJ"
	*
	* @returns {Promise<AutoPaginatable<GroupRoleAssignment>>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	*/
	async listGroupRoleAssignments(options) {
		const { groupId, ...paginationOptions } = options;
		const endpoint = `/authorization/groups/${encodePathParameter(groupId)}/role_assignments`;
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, endpoint, deserializeGroupRoleAssignment, paginationOptions), (params) => fetchAndDeserialize(this.workos, endpoint, deserializeGroupRoleAssignment, params), paginationOptions);
	}
	/**
	* Get a group role assignment
	*
	* Get a specific role assignment for a group by its ID.
	* @param options - Object containing groupId and roleAssignmentId.
	* @param options.groupId - The ID of the group.
	*
	* @example
	* "group_01HXYZ123456789ABCDEFGHIJ"
	*
	* @param options.roleAssignmentId - The ID of the group role assignment.
	*
	* @example
	* "gra_01HXYZ123456789ABCDEFGH"
	*
	* @returns {Promise<GroupRoleAssignment>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	*/
	async getGroupRoleAssignment(options) {
		const { data } = await this.workos.get(`/authorization/groups/${encodePathParameter(options.groupId)}/role_assignments/${encodePathParameter(options.roleAssignmentId)}`);
		return deserializeGroupRoleAssignment(data);
	}
	/**
	* Assign a role to a group
	*
	* Assign a role to a group on a specific resource. Omit the resource fields to assign the role on the organization itself.
	* @param options - Object containing groupId and roleSlug.
	* @returns {Promise<GroupRoleAssignment>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async createGroupRoleAssignment(options) {
		const { data } = await this.workos.post(`/authorization/groups/${encodePathParameter(options.groupId)}/role_assignments`, serializeCreateGroupRoleAssignmentOptions(options));
		return deserializeGroupRoleAssignment(data);
	}
	/**
	* Remove a group role assignment
	*
	* Remove a specific role assignment from a group by its ID.
	* @param options - Object containing groupId and roleAssignmentId.
	* @param options.groupId - The ID of the group.
	*
	* @example
	* "group_01HXYZ123456789ABCDEFGHIJ"
	*
	* @param options.roleAssignmentId - The ID of the group role assignment to remove.
	*
	* @example
	* "gra_01HXYZ123456789ABCDEFGH"
	*
	* @returns {Promise<void>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	*/
	async removeGroupRoleAssignment(options) {
		await this.workos.delete(`/authorization/groups/${encodePathParameter(options.groupId)}/role_assignments/${encodePathParameter(options.roleAssignmentId)}`);
	}
	/**
	* Remove group role assignments by criteria
	*
	* Remove role assignments from a group that match the provided role and resource. Omit the resource fields to target the organization itself.
	* @param options - Object containing groupId and roleSlug.
	* @returns {Promise<void>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async removeGroupRoleAssignments(options) {
		await this.workos.deleteWithBody(`/authorization/groups/${encodePathParameter(options.groupId)}/role_assignments`, serializeRemoveGroupRoleAssignmentsOptions(options));
	}
	/**
	* Replace role assignments for a group
	*
	* Replace all of a group's role assignments with the provided list. Assignments not present in the list are removed and new ones are created. Pass an empty `roleAssignments` array to clear all assignments. Returns the resulting set of assignments.
	* @param options - Object containing groupId and roleAssignments.
	* @returns {Promise<List<GroupRoleAssignment>>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async replaceGroupRoleAssignments(options) {
		const { data } = await this.workos.put(`/authorization/groups/${encodePathParameter(options.groupId)}/role_assignments`, serializeReplaceGroupRoleAssignmentsOptions(options));
		return deserializeList(data, deserializeGroupRoleAssignment);
	}
	/**
	* List resources for organization membership
	*
	* Returns all child resources of a parent resource where the organization membership has a specific permission. This is useful for resource discovery—answering "What projects can this user access in this workspace?"
	*
	* You must provide either `parent_resource_id` or both `parent_resource_external_id` and `parent_resource_type_slug` to identify the parent resource.
	* @param organizationMembershipId - The ID of the organization membership.
	*
	* @example
	* "om_01HXYZ123456789ABCDEFGHIJ"
	*
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<AuthorizationResource>>}
	* @throws {BadRequestException} 400
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async listResourcesForMembership(options) {
		const { organizationMembershipId } = options;
		const endpoint = `/authorization/organization_memberships/${encodePathParameter(organizationMembershipId)}/resources`;
		const serializedOptions = serializeListResourcesForMembershipOptions(options);
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, endpoint, deserializeAuthorizationResource, serializedOptions), (params) => fetchAndDeserialize(this.workos, endpoint, deserializeAuthorizationResource, params), serializedOptions);
	}
	/**
	* List organization memberships for resource
	*
	* Returns all organization memberships that have a specific permission on a resource instance. This is useful for answering "Who can access this resource?".
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<BaseOrganizationMembership, PaginationOptions>>}
	* @throws {BadRequestException} 400
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async listMembershipsForResource(options) {
		const { resourceId } = options;
		const endpoint = `/authorization/resources/${encodePathParameter(resourceId)}/organization_memberships`;
		const serializedOptions = serializeListMembershipsForResourceOptions(options);
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, endpoint, deserializeAuthorizationOrganizationMembership, serializedOptions), (params) => fetchAndDeserialize(this.workos, endpoint, deserializeAuthorizationOrganizationMembership, params), serializedOptions);
	}
	/**
	* List memberships for a resource by external ID
	*
	* Returns all organization memberships that have a specific permission on a resource, using the resource's external ID. This is useful for answering "Who can access this resource?" when you only have the external ID.
	* @param organizationId - The ID of the organization that owns the resource.
	*
	* @example
	* "org_01EHZNVPK3SFK441A1RGBFSHRT"
	*
	* @param resourceTypeSlug - The slug of the resource type this resource belongs to.
	*
	* @example
	* "project"
	*
	* @param externalId - An identifier you provide to reference the resource in your system.
	*
	* @example
	* "proj-456"
	*
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<UserOrganizationMembershipBaseListData>>}
	* @throws {BadRequestException} 400
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async listMembershipsForResourceByExternalId(options) {
		const { organizationId, resourceTypeSlug, externalId } = options;
		const endpoint = `/authorization/organizations/${encodePathParameter(organizationId)}/resources/${encodePathParameter(resourceTypeSlug)}/${encodePathParameter(externalId)}/organization_memberships`;
		const serializedOptions = serializeListMembershipsForResourceOptions(options);
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, endpoint, deserializeAuthorizationOrganizationMembership, serializedOptions), (params) => fetchAndDeserialize(this.workos, endpoint, deserializeAuthorizationOrganizationMembership, params), serializedOptions);
	}
	/**
	* List effective permissions for an organization membership on a resource
	*
	* Returns all permissions the organization membership effectively has on a resource, including permissions inherited through roles assigned to ancestor resources.
	* @param organizationMembershipId - The ID of the organization membership.
	*
	* @example
	* "om_01HXYZ123456789ABCDEFGHIJ"
	*
	* @param resourceId - The ID of the authorization resource.
	*
	* @example
	* "authz_resource_01HXYZ123456789ABCDEFGHIJ"
	*
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<AuthorizationPermission>>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async listEffectivePermissions(options) {
		const { organizationMembershipId, resourceId } = options;
		const endpoint = `/authorization/resources/${encodePathParameter(resourceId)}/organization_memberships/${encodePathParameter(organizationMembershipId)}/permissions`;
		const serializedOptions = serializeListEffectivePermissionsOptions(options);
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, endpoint, deserializePermission, serializedOptions), (params) => fetchAndDeserialize(this.workos, endpoint, deserializePermission, params), serializedOptions);
	}
	/**
	* List effective permissions for an organization membership on a resource by external ID
	*
	* Returns all permissions the organization membership effectively has on a resource identified by its external ID, including permissions inherited through roles assigned to ancestor resources.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<Permission, PaginationOptions>>}
	* @throws 403 response from the API.
	* @throws {NotFoundException} 404
	* @throws {UnprocessableEntityException} 422
	*/
	async listEffectivePermissionsByExternalId(options) {
		const { organizationMembershipId, resourceTypeSlug, externalId } = options;
		const endpoint = `/authorization/organization_memberships/${encodePathParameter(organizationMembershipId)}/resources/${encodePathParameter(resourceTypeSlug)}/${encodePathParameter(externalId)}/permissions`;
		const serializedOptions = serializeListEffectivePermissionsOptions(options);
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, endpoint, deserializePermission, serializedOptions), (params) => fetchAndDeserialize(this.workos, endpoint, deserializePermission, params), serializedOptions);
	}
};
//#endregion
//#region src/common/utils/leb128.ts
/**
* LEB128 (Little Endian Base 128) encoding for unsigned 32-bit integers.
* Variable-length encoding: each byte stores 7 bits of data, bit 7 is continuation flag.
*/
const MAX_UINT32 = 4294967295;
const CONTINUATION_BIT = 128;
const DATA_BITS_MASK = 127;
const DATA_BITS_PER_BYTE = 7;
const MAX_BYTES_FOR_UINT32 = 5;
const FINAL_BYTE_SHIFT = 28;
const FINAL_BYTE_MAX_DATA = 15;
/**
* Encodes an unsigned 32-bit integer into LEB128 format.
*
* @param value - Unsigned 32-bit integer (0 to 4,294,967,295)
* @returns Encoded bytes (1-5 bytes depending on value)
*/
function encodeUInt32(value) {
	validateUInt32(value);
	if (value === 0) return new Uint8Array([0]);
	const bytes = [];
	do {
		let byte = value & DATA_BITS_MASK;
		value >>>= DATA_BITS_PER_BYTE;
		if (value !== 0) byte |= CONTINUATION_BIT;
		bytes.push(byte);
	} while (value !== 0);
	return new Uint8Array(bytes);
}
/**
* Decodes an unsigned 32-bit integer from LEB128 format.
*
* @param data - Buffer containing LEB128 encoded data
* @param offset - Starting position in buffer (default: 0)
* @returns Decoded value and index after last byte read
*/
function decodeUInt32(data, offset = 0) {
	validateOffset(data, offset);
	let result = 0;
	let shift = 0;
	let index = offset;
	let bytesRead = 0;
	while (index < data.length) {
		const byte = data[index++];
		bytesRead++;
		if (bytesRead > MAX_BYTES_FOR_UINT32) throw new Error("LEB128 sequence exceeds maximum length for uint32");
		if (shift === FINAL_BYTE_SHIFT && (byte & DATA_BITS_MASK) > FINAL_BYTE_MAX_DATA) throw new Error("LEB128 sequence exceeds uint32 range");
		result |= (byte & DATA_BITS_MASK) << shift;
		if (!hasContinuationBit(byte)) return {
			value: result >>> 0,
			nextIndex: index
		};
		shift += DATA_BITS_PER_BYTE;
	}
	throw new Error("Truncated LEB128 encoding");
}
function validateUInt32(value) {
	if (!Number.isFinite(value)) throw new Error("Value must be a finite number");
	if (!Number.isInteger(value)) throw new Error("Value must be an integer");
	if (value < 0) throw new Error("Value must be non-negative");
	if (value > MAX_UINT32) throw new Error(`Value must not exceed ${MAX_UINT32} (MAX_UINT32)`);
}
function validateOffset(data, offset) {
	if (offset < 0 || offset >= data.length) throw new Error(`Offset ${offset} is out of bounds (buffer length: ${data.length})`);
}
function hasContinuationBit(byte) {
	return (byte & CONTINUATION_BIT) !== 0;
}
//#endregion
//#region src/vault/serializers/create-data-key-response.serializer.ts
const deserializeCreateDataKeyResponse = (response) => ({
	context: response.context,
	dataKey: response.data_key,
	encryptedKeys: response.encrypted_keys,
	id: response.id
});
//#endregion
//#region src/vault/serializers/decrypt-response.serializer.ts
const deserializeDecryptResponse = (response) => ({
	dataKey: response.data_key,
	id: response.id
});
//#endregion
//#region src/vault/serializers/actor.serializer.ts
const deserializeActor = (response) => ({
	id: response.id,
	name: response.name
});
//#endregion
//#region src/vault/serializers/object-metadata.serializer.ts
const deserializeObjectMetadata = (response) => ({
	context: response.context,
	environmentId: response.environment_id,
	id: response.id,
	keyId: response.key_id,
	updatedAt: new Date(response.updated_at),
	updatedBy: deserializeActor(response.updated_by),
	versionId: response.version_id ?? null
});
//#endregion
//#region src/vault/serializers/vault-object.serializer.ts
const deserializeVaultObject = (response) => ({
	id: response.id,
	metadata: deserializeObjectMetadata(response.metadata),
	name: response.name,
	value: response.value
});
//#endregion
//#region src/vault/serializers/object-without-value.serializer.ts
const deserializeObjectWithoutValue = (response) => ({
	id: response.id,
	metadata: deserializeObjectMetadata(response.metadata),
	name: response.name
});
//#endregion
//#region src/vault/serializers/object-version.serializer.ts
const deserializeObjectVersion = (response) => ({
	createdAt: new Date(response.created_at),
	currentVersion: response.current_version,
	etag: response.etag ?? "",
	id: response.id,
	size: response.size ?? 0
});
//#endregion
//#region src/vault/serializers/list-metadata.serializer.ts
const deserializeListMetadata = (response) => ({
	after: response.after ?? null,
	before: response.before ?? null
});
//#endregion
//#region src/vault/serializers/version-list-response.serializer.ts
const deserializeVersionListResponse = (response) => ({
	data: response.data.map(deserializeObjectVersion),
	listMetadata: deserializeListMetadata(response.list_metadata)
});
//#endregion
//#region src/vault/serializers/object-summary.serializer.ts
const deserializeObjectSummary = (response) => ({
	id: response.id,
	name: response.name,
	updatedAt: response.updated_at != null ? new Date(response.updated_at) : null
});
//#endregion
//#region src/vault/serializers/create-data-key-request.serializer.ts
const serializeCreateDataKeyRequest = (model) => ({ context: model.context });
//#endregion
//#region src/vault/serializers/decrypt-request.serializer.ts
const serializeDecryptRequest = (model) => ({ keys: model.keys });
//#endregion
//#region src/vault/serializers/rekey-request.serializer.ts
const serializeRekeyRequest = (model) => ({
	context: model.context,
	encrypted_keys: model.encryptedKeys
});
//#endregion
//#region src/vault/serializers/create-object-request.serializer.ts
const serializeCreateObjectRequest = (model) => ({
	key_context: model.keyContext,
	name: model.name,
	value: model.value
});
//#endregion
//#region src/vault/serializers/update-object-request.serializer.ts
const serializeUpdateObjectRequest = (model) => ({
	value: model.value,
	version_check: model.versionCheck ?? null
});
//#endregion
//#region src/common/utils/base64.ts
/**
* Cross-runtime compatible base64 encoding/decoding utilities
* that work in both Node.js and browser environments
*/
/**
* Converts a base64 string to a Uint8Array
*/
function base64ToUint8Array(base64) {
	if (typeof atob === "function") {
		const binary = atob(base64);
		const bytes = new Uint8Array(binary.length);
		for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
		return bytes;
	} else if (typeof Buffer !== "undefined") return new Uint8Array(Buffer.from(base64, "base64"));
	else throw new Error("No base64 decoding implementation available");
}
/**
* Converts a Uint8Array to a base64 string
*/
function uint8ArrayToBase64(bytes) {
	if (typeof btoa === "function") {
		let binary = "";
		for (let i = 0; i < bytes.byteLength; i++) binary += String.fromCharCode(bytes[i]);
		return btoa(binary);
	} else if (typeof Buffer !== "undefined") return Buffer.from(bytes).toString("base64");
	else throw new Error("No base64 encoding implementation available");
}
//#endregion
//#region src/vault/vault.ts
const serializeListObjectsOptions = (options) => {
	const wire = {
		limit: options.limit,
		before: options.before,
		after: options.after,
		order: options.order
	};
	if (options.search !== void 0) wire.search = options.search;
	if (options.updatedAfter !== void 0) wire.updated_after = options.updatedAfter;
	return wire;
};
var Vault = class {
	workos;
	constructor(workos) {
		this.workos = workos;
	}
	async readObjectByName(options) {
		const name = typeof options === "string" ? options : options.name;
		const { data } = await this.workos.get(`/vault/v1/kv/name/${encodeURIComponent(name)}`);
		return deserializeVaultObject(data);
	}
	/**
	* Create a data key
	*
	* Generate an isolated encryption key for local encryption operations.
	* @param options - Object containing context.
	* @param options.context - Map of values used to determine the encryption key.
	* @example {"organization_id":"org_01K8ZYT4AWJ6XP0E0S8CTBHE3P"}
	* @returns {Promise<DataKeyPair>}
	* @throws {BadRequestException} 400
	* @throws {UnprocessableEntityException} 422
	*/
	async createDataKey(options) {
		const payload = options;
		const { data } = await this.workos.post("/vault/v1/keys/data-key", serializeCreateDataKeyRequest(payload));
		const result = deserializeCreateDataKeyResponse(data);
		return {
			context: result.context,
			dataKey: {
				key: result.dataKey,
				id: result.id
			},
			encryptedKeys: result.encryptedKeys
		};
	}
	/**
	* Decrypt a data key
	*
	* Decrypt a previously encrypted data key from WorkOS Vault.
	* @param options - Object containing keys.
	* @param options.keys - Base64-encoded encrypted data key to decrypt.
	* @example "V09TLkVLTS52MQBiZjUxY2NlYy03OGI0LTUyMDAtYjM4My0zNTczMGU3MWVmNjEBATEBJGJmNjVlMzI2LTQzYTAtNGIyMC04OGM0LTA3ZmYzZGU1NDM0YwF0YmY2NWUzMjYtNDNhMC00YjIwLTg4YzQtMDdmZjNkZTU0MzRj"
	* @returns {Promise<DataKey>}
	* @throws {BadRequestException} 400
	*/
	async decryptDataKey(options) {
		const payload = options;
		const { data } = await this.workos.post("/vault/v1/keys/decrypt", serializeDecryptRequest(payload));
		const result = deserializeDecryptResponse(data);
		return {
			key: result.dataKey,
			id: result.id
		};
	}
	/**
	* Re-encrypt a data key
	*
	* Decrypt an existing data key and re-encrypt it under a new key context.
	* @param options - Object containing context, encryptedKeys.
	* @param options.context - Map of values used to determine the new encryption key.
	* @example {"organization_id":"org_01K8ZYT4AWJ6XP0E0S8CTBHE3P"}
	* @param options.encryptedKeys - Base64-encoded encrypted data key blob to re-encrypt.
	* @example "V09TLkVLTS52MQBiZjUxY2NlYy03OGI0LTUyMDAtYjM4My0zNTczMGU3MWVmNjEBATEBJGJmNjVlMzI2LTQzYTAtNGIyMC04OGM0LTA3ZmYzZGU1NDM0YwF0YmY2NWUzMjYtNDNhMC00YjIwLTg4YzQtMDdmZjNkZTU0MzRj"
	* @returns {Promise<CreateDataKeyResponse>}
	* @throws {BadRequestException} 400
	* @throws {UnprocessableEntityException} 422
	*/
	async createRekey(options) {
		const payload = options;
		const { data } = await this.workos.post("/vault/v1/keys/rekey", serializeRekeyRequest(payload));
		return deserializeCreateDataKeyResponse(data);
	}
	/**
	* List objects
	*
	* List all encrypted objects with cursor-based pagination.
	* @param options - Pagination and filter options.
	* @returns {Promise<AutoPaginatable<ObjectSummary, PaginationOptions>>}
	* @throws {BadRequestException} 400
	*/
	async listObjects(options) {
		const paginationOptions = options;
		return new AutoPaginatable(await fetchAndDeserialize(this.workos, "/vault/v1/kv", deserializeObjectSummary, options ? serializeListObjectsOptions(options) : void 0), (params) => fetchAndDeserialize(this.workos, "/vault/v1/kv", deserializeObjectSummary, params), paginationOptions);
	}
	/**
	* Create an object
	*
	* Encrypt and store a new key-value object.
	* @param options - Object containing keyContext, name, value.
	* @param options.keyContext - Map of values used to determine the encryption key.
	* @example {"organization_id":"org_01K8ZYT4AWJ6XP0E0S8CTBHE3P"}
	* @param options.name - Unique name for the object.
	* @example "my-secret"
	* @param options.value - Plaintext data to encrypt and store.
	* @example "s3cr3t-v4lu3"
	* @returns {Promise<ObjectMetadata>}
	* @throws {BadRequestException} 400
	* @throws {ConflictException} 409
	* @throws {UnprocessableEntityException} 422
	*/
	async createObject(options) {
		const payload = options;
		const requestPayload = {
			...payload,
			keyContext: payload.context
		};
		const { data } = await this.workos.post("/vault/v1/kv", serializeCreateObjectRequest(requestPayload));
		return deserializeObjectMetadata(data);
	}
	/**
	* Read an object by ID
	*
	* Fetch and decrypt an object by its unique identifier.
	* @param options - The request options.
	* @param options.id - Unique identifier of the object.
	* @example "a1b2c3d4-e5f6-7890-abcd-ef1234567890"
	* @returns {Promise<VaultObject>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	*/
	async readObject(options) {
		const { id } = options;
		const { data } = await this.workos.get(`/vault/v1/kv/${encodeURIComponent(id)}`);
		return deserializeVaultObject(data);
	}
	/**
	* Update an object
	*
	* Update the value of an existing encrypted object.
	* @param options - Object containing value.
	* @param options.id - Unique identifier of the object.
	* @example "a1b2c3d4-e5f6-7890-abcd-ef1234567890"
	* @param options.value - New plaintext value.
	* @example "upd4t3d-v4lu3"
	* @param options.versionCheck - ID of the expected current version for optimistic locking.
	* @example "c3d4e5f6-7890-abcd-ef12-34567890abcd"
	* @returns {Promise<VaultObject>}
	* @throws {BadRequestException} 400
	* @throws {ConflictException} 409
	*/
	async updateObject(options) {
		const { id, ...payload } = options;
		const { data } = await this.workos.put(`/vault/v1/kv/${encodeURIComponent(id)}`, serializeUpdateObjectRequest(payload));
		return {
			...deserializeObjectWithoutValue(data),
			value: void 0
		};
	}
	/**
	* Delete an object
	*
	* Delete an encrypted object.
	* @param options - Additional query options.
	* @param options.id - Unique identifier of the object.
	* @example "a1b2c3d4-e5f6-7890-abcd-ef1234567890"
	* @param options.versionCheck - Expected current version for optimistic locking.
	* @example "c3d4e5f6-7890-abcd-ef12-34567890abcd"
	* @returns {Promise<void>}
	* @throws {NotFoundException} 404
	* @throws {ConflictException} 409
	*/
	async deleteObject(options) {
		const { id } = options;
		await this.workos.delete(`/vault/v1/kv/${encodeURIComponent(id)}`, { ...options.versionCheck !== void 0 && { version_check: options.versionCheck } });
	}
	/**
	* Describe an object
	*
	* Fetch metadata for an object without decrypting it.
	* @param options - The request options.
	* @param options.id - Unique identifier of the object.
	* @example "a1b2c3d4-e5f6-7890-abcd-ef1234567890"
	* @returns {Promise<VaultObject>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	*/
	async describeObject(options) {
		const { id } = options;
		const { data } = await this.workos.get(`/vault/v1/kv/${encodeURIComponent(id)}/metadata`);
		return {
			...deserializeObjectWithoutValue(data),
			value: void 0
		};
	}
	/**
	* List object versions
	*
	* Retrieve all versions for a specific object.
	* @param options - The request options.
	* @param options.id - Unique identifier of the object.
	* @example "a1b2c3d4-e5f6-7890-abcd-ef1234567890"
	* @returns {Promise<ObjectVersion[]>}
	* @throws {BadRequestException} 400
	* @throws {NotFoundException} 404
	*/
	async listObjectVersions(options) {
		const { id } = options;
		const { data } = await this.workos.get(`/vault/v1/kv/${encodeURIComponent(id)}/versions`);
		return deserializeVersionListResponse(data).data;
	}
	decode(payload) {
		const inputData = base64ToUint8Array(payload);
		const iv = new Uint8Array(inputData.subarray(0, 12));
		const tag = new Uint8Array(inputData.subarray(12, 28));
		const { value: keyLen, nextIndex } = decodeUInt32(inputData, 28);
		return {
			iv,
			tag,
			keys: uint8ArrayToBase64(inputData.subarray(nextIndex, nextIndex + keyLen)),
			ciphertext: new Uint8Array(inputData.subarray(nextIndex + keyLen))
		};
	}
	async decrypt(encryptedData, associatedData) {
		const decoded = this.decode(encryptedData);
		const key = base64ToUint8Array((await this.decryptDataKey({ keys: decoded.keys })).key);
		const aadBuffer = associatedData ? new TextEncoder().encode(associatedData) : void 0;
		const decrypted = await this.workos.getCryptoProvider().decrypt(decoded.ciphertext, key, decoded.iv, decoded.tag, aadBuffer);
		return new TextDecoder().decode(decrypted);
	}
	async encrypt(data, context, associatedData) {
		const keyPair = await this.createDataKey({ context });
		const encoder = new TextEncoder();
		const key = base64ToUint8Array(keyPair.dataKey.key);
		const keyBlob = base64ToUint8Array(keyPair.encryptedKeys);
		const prefixLenBuffer = encodeUInt32(keyBlob.length);
		const aadBuffer = associatedData ? encoder.encode(associatedData) : void 0;
		const cryptoProvider = this.workos.getCryptoProvider();
		const iv = cryptoProvider.randomBytes(12);
		const { ciphertext, iv: resultIv, tag } = await cryptoProvider.encrypt(encoder.encode(data), key, iv, aadBuffer);
		const resultArray = new Uint8Array(resultIv.length + tag.length + prefixLenBuffer.length + keyBlob.length + ciphertext.length);
		let offset = 0;
		resultArray.set(resultIv, offset);
		offset += resultIv.length;
		resultArray.set(tag, offset);
		offset += tag.length;
		resultArray.set(new Uint8Array(prefixLenBuffer), offset);
		offset += prefixLenBuffer.length;
		resultArray.set(keyBlob, offset);
		offset += keyBlob.length;
		resultArray.set(ciphertext, offset);
		return uint8ArrayToBase64(resultArray);
	}
};
//#endregion
//#region package.json
var version = "11.0.0";
//#endregion
//#region src/workos.ts
const DEFAULT_HOSTNAME = "api.workos.com";
const HEADER_AUTHORIZATION = "Authorization";
const HEADER_IDEMPOTENCY_KEY = "Idempotency-Key";
const HEADER_WARRANT_TOKEN = "Warrant-Token";
/** WorkOS REST API */
var WorkOS = class {
	baseURL;
	client;
	clientId;
	key;
	options;
	pkce;
	hasApiKey;
	actions;
	agents = new Agents(this);
	apiKeys = new ApiKeys(this);
	auditLogs = new AuditLogs(this);
	authorization = new Authorization(this);
	directorySync = new DirectorySync(this);
	connect = new Connect(this);
	events = new Events(this);
	featureFlags = new FeatureFlags(this);
	groups = new Groups(this);
	multiFactorAuth = new MultiFactorAuth(this);
	organizations = new Organizations(this);
	organizationDomains = new OrganizationDomains(this);
	passwordless = new Passwordless(this);
	pipes = new Pipes(this);
	radar = new Radar(this);
	adminPortal = new AdminPortal(this);
	sso = new SSO(this);
	userManagement;
	vault = new Vault(this);
	webhooks;
	widgets = new Widgets(this);
	/**
	* Create a new WorkOS client.
	*
	* @param keyOrOptions - API key string, or options object
	* @param maybeOptions - Options when first argument is API key
	*
	* @example
	* // Server-side with API key (string)
	* const workos = new WorkOS('sk_...');
	*
	* @example
	* // Server-side with API key (object)
	* const workos = new WorkOS({ apiKey: 'sk_...', clientId: 'client_...' });
	*
	* @example
	* // PKCE/public client (no API key)
	* const workos = new WorkOS({ clientId: 'client_...' });
	*/
	constructor(keyOrOptions, maybeOptions) {
		if (typeof keyOrOptions === "object") {
			this.key = keyOrOptions.apiKey;
			this.options = keyOrOptions;
		} else {
			this.key = keyOrOptions;
			this.options = maybeOptions ?? {};
		}
		if (!this.key) this.key = getEnv("WORKOS_API_KEY");
		this.hasApiKey = !!this.key;
		if (this.options.https === void 0) this.options.https = true;
		this.clientId = this.options.clientId;
		if (!this.clientId) this.clientId = getEnv("WORKOS_CLIENT_ID");
		if (!this.hasApiKey && !this.clientId) throw new Error("WorkOS requires either an API key or a clientId. For server-side: new WorkOS(\"sk_...\") or new WorkOS({ apiKey: \"sk_...\" }). For PKCE/public clients: new WorkOS({ clientId: \"client_...\" })");
		const protocol = this.options.https ? "https" : "http";
		const apiHostname = this.options.apiHostname || DEFAULT_HOSTNAME;
		const port = this.options.port;
		this.baseURL = `${protocol}://${apiHostname}`;
		if (port) this.baseURL = this.baseURL + `:${port}`;
		this.pkce = new PKCE();
		this.webhooks = this.createWebhookClient();
		this.actions = this.createActionsClient();
		this.userManagement = new UserManagement(this);
		const userAgent = this.createUserAgent(this.options);
		this.client = this.createHttpClient(this.options, userAgent);
	}
	createUserAgent(_options) {
		return `workos-node/${version}`;
	}
	createWebhookClient() {
		return new Webhooks(this);
	}
	createActionsClient() {
		return new Actions(this.getCryptoProvider());
	}
	getCryptoProvider() {
		return new SubtleCryptoProvider();
	}
	createHttpClient(options, userAgent) {
		const headers = { "User-Agent": userAgent };
		const configHeaders = options.config?.headers;
		if (configHeaders && typeof configHeaders === "object" && !Array.isArray(configHeaders) && !(configHeaders instanceof Headers)) Object.assign(headers, configHeaders);
		if (this.key) headers["Authorization"] = `Bearer ${this.key}`;
		return new FetchHttpClient(this.baseURL, {
			...options.config,
			timeout: options.timeout,
			maxRetries: options.maxRetries,
			headers
		});
	}
	get version() {
		return version;
	}
	/**
	* Require API key for methods that need it.
	* @param methodName - Name of the method requiring API key (for error message)
	* @throws ApiKeyRequiredException if no API key was provided
	*/
	requireApiKey(methodName) {
		if (!this.hasApiKey) throw new ApiKeyRequiredException(methodName);
	}
	async post(path, entity, options = {}) {
		if (!options.skipApiKeyCheck) this.requireApiKey(path);
		const requestHeaders = {};
		if (options.idempotencyKey) requestHeaders[HEADER_IDEMPOTENCY_KEY] = options.idempotencyKey;
		if (options.warrantToken) requestHeaders[HEADER_WARRANT_TOKEN] = options.warrantToken;
		let res;
		try {
			res = await this.client.post(path, entity, {
				params: options.query,
				headers: requestHeaders,
				maxRetries: options.maxRetries
			});
		} catch (error) {
			this.handleHttpError({
				path,
				error
			});
			throw error;
		}
		return { data: await this.readResponseJSON(path, res) };
	}
	async get(path, options = {}) {
		if (!options.skipApiKeyCheck) this.requireApiKey(path);
		const requestHeaders = {};
		if (options.accessToken) requestHeaders[HEADER_AUTHORIZATION] = `Bearer ${options.accessToken}`;
		if (options.warrantToken) requestHeaders[HEADER_WARRANT_TOKEN] = options.warrantToken;
		let res;
		try {
			res = await this.client.get(path, {
				params: options.query,
				headers: requestHeaders,
				maxRetries: options.maxRetries
			});
		} catch (error) {
			this.handleHttpError({
				path,
				error
			});
			throw error;
		}
		return { data: await this.readResponseJSON(path, res) };
	}
	async put(path, entity, options = {}) {
		if (!options.skipApiKeyCheck) this.requireApiKey(path);
		const requestHeaders = {};
		if (options.idempotencyKey) requestHeaders[HEADER_IDEMPOTENCY_KEY] = options.idempotencyKey;
		let res;
		try {
			res = await this.client.put(path, entity, {
				params: options.query,
				headers: requestHeaders,
				maxRetries: options.maxRetries
			});
		} catch (error) {
			this.handleHttpError({
				path,
				error
			});
			throw error;
		}
		return { data: await this.readResponseJSON(path, res) };
	}
	async patch(path, entity, options = {}) {
		if (!options.skipApiKeyCheck) this.requireApiKey(path);
		const requestHeaders = {};
		if (options.idempotencyKey) requestHeaders[HEADER_IDEMPOTENCY_KEY] = options.idempotencyKey;
		let res;
		try {
			res = await this.client.patch(path, entity, {
				params: options.query,
				headers: requestHeaders,
				maxRetries: options.maxRetries
			});
		} catch (error) {
			this.handleHttpError({
				path,
				error
			});
			throw error;
		}
		return { data: await this.readResponseJSON(path, res) };
	}
	async delete(path, query) {
		this.requireApiKey(path);
		try {
			await this.client.delete(path, { params: query });
		} catch (error) {
			this.handleHttpError({
				path,
				error
			});
			throw error;
		}
	}
	async deleteWithBody(path, entity) {
		this.requireApiKey(path);
		try {
			await this.client.deleteWithBody(path, entity, {});
		} catch (error) {
			this.handleHttpError({
				path,
				error
			});
			throw error;
		}
	}
	/**
	* Consume a successful response body. The request deadline covers the body,
	* so a stall while it is still streaming surfaces from the transport as a
	* 408 `HttpClientError` and is translated like a timeout before the headers.
	* Everything else (a `ParseError` for malformed JSON, a network failure
	* mid-body) propagates unchanged.
	*/
	async readResponseJSON(path, response) {
		try {
			return await response.toJSON();
		} catch (error) {
			if (error instanceof HttpClientError) this.handleHttpError({
				path,
				error
			});
			throw error;
		}
	}
	emitWarning(warning) {
		console.warn(`WorkOS: ${warning}`);
	}
	handleHttpError({ path, error }) {
		if (!(error instanceof HttpClientError)) throw new Error(`Unexpected error: ${error}`, { cause: error });
		const { response } = error;
		if (response) {
			const { status, data, headers } = response;
			const requestID = headers.get("X-Request-ID") ?? "";
			const { code, error_description: errorDescription, error, errors, message } = data;
			switch (status) {
				case 401: throw new UnauthorizedException(requestID);
				case 409: throw new ConflictException({
					requestID,
					message,
					error,
					code
				});
				case 422: throw new UnprocessableEntityException({
					code,
					error,
					errors,
					message,
					requestID
				});
				case 404: throw new NotFoundException({
					code,
					message,
					path,
					requestID
				});
				case 429: {
					const retryAfter = headers.get("Retry-After");
					throw new RateLimitExceededException(data.message, requestID, retryAfter ? Number(retryAfter) : null);
				}
				default: if (isAuthenticationErrorData(data)) throw new AuthenticationException(status, data, requestID);
				else if (error || errorDescription) throw new OauthException(status, requestID, error, errorDescription, data);
				else if (code && errors) throw new BadRequestException({
					code,
					errors,
					message,
					requestID
				});
				else throw new GenericServerException(status, data.message, data, requestID);
			}
		}
	}
};
//#endregion
//#region src/audit-logs/interfaces/update-audit-logs-retention-retention-period.interface.ts
const UpdateAuditLogsRetentionRetentionPeriod = {
	Value1Month: "1_MONTH",
	Value2Months: "2_MONTHS",
	Value3Months: "3_MONTHS",
	Value4Months: "4_MONTHS",
	Value5Months: "5_MONTHS",
	Value6Months: "6_MONTHS",
	Value7Months: "7_MONTHS",
	Value8Months: "8_MONTHS",
	Value9Months: "9_MONTHS",
	Value10Months: "10_MONTHS",
	Value11Months: "11_MONTHS",
	Value1Year: "1_YEAR",
	Value2Years: "2_YEARS",
	Value3Years: "3_YEARS",
	Value4Years: "4_YEARS",
	Value5Years: "5_YEARS",
	Value6Years: "6_YEARS",
	Value7Years: "7_YEARS",
	Value8Years: "8_YEARS",
	Value9Years: "9_YEARS",
	Value10Years: "10_YEARS"
};
//#endregion
//#region src/common/interfaces/generate-link-intent.interface.ts
const GenerateLinkIntent = {
	SSO: "sso",
	DSync: "dsync",
	AuditLogs: "audit_logs",
	LogStreams: "log_streams",
	DomainVerification: "domain_verification",
	CertificateRenewal: "certificate_renewal",
	BringYourOwnKey: "bring_your_own_key"
};
//#endregion
//#region src/organizations/interfaces/domain-data.interface.ts
let DomainDataState = /* @__PURE__ */ function(DomainDataState) {
	DomainDataState["Verified"] = "verified";
	DomainDataState["Pending"] = "pending";
	return DomainDataState;
}({});
//#endregion
//#region src/organizations/interfaces/it-contact-options.interface.ts
const ItContactIntent = {
	SSO: "sso",
	DirectorySync: "directory_sync",
	LogStreams: "log_streams",
	DomainVerification: "domain_verification",
	BringYourOwnKey: "bring_your_own_key"
};
//#endregion
//#region src/organization-domains/interfaces/organization-domain.interface.ts
let OrganizationDomainState = /* @__PURE__ */ function(OrganizationDomainState) {
	OrganizationDomainState["Verified"] = "verified";
	OrganizationDomainState["Pending"] = "pending";
	OrganizationDomainState["Failed"] = "failed";
	return OrganizationDomainState;
}({});
let OrganizationDomainVerificationStrategy = /* @__PURE__ */ function(OrganizationDomainVerificationStrategy) {
	OrganizationDomainVerificationStrategy["Dns"] = "dns";
	OrganizationDomainVerificationStrategy["Manual"] = "manual";
	return OrganizationDomainVerificationStrategy;
}({});
//#endregion
//#region src/sso/interfaces/connection-type.enum.ts
let ConnectionType = /* @__PURE__ */ function(ConnectionType) {
	ConnectionType["ADFSSAML"] = "ADFSSAML";
	ConnectionType["AdpOidc"] = "AdpOidc";
	ConnectionType["AppleOAuth"] = "AppleOAuth";
	ConnectionType["Auth0SAML"] = "Auth0SAML";
	ConnectionType["AzureSAML"] = "AzureSAML";
	ConnectionType["CasSAML"] = "CasSAML";
	ConnectionType["CleverOIDC"] = "CleverOIDC";
	ConnectionType["ClassLinkSAML"] = "ClassLinkSAML";
	ConnectionType["CloudflareSAML"] = "CloudflareSAML";
	ConnectionType["CyberArkSAML"] = "CyberArkSAML";
	ConnectionType["DuoSAML"] = "DuoSAML";
	ConnectionType["EntraIdOIDC"] = "EntraIdOIDC";
	ConnectionType["GenericOIDC"] = "GenericOIDC";
	ConnectionType["GenericSAML"] = "GenericSAML";
	ConnectionType["GitHubOAuth"] = "GitHubOAuth";
	ConnectionType["GoogleOAuth"] = "GoogleOAuth";
	ConnectionType["GoogleSAML"] = "GoogleSAML";
	ConnectionType["JumpCloudSAML"] = "JumpCloudSAML";
	ConnectionType["KeycloakSAML"] = "KeycloakSAML";
	ConnectionType["LastPassSAML"] = "LastPassSAML";
	ConnectionType["LoginGovOidc"] = "LoginGovOidc";
	ConnectionType["MagicLink"] = "MagicLink";
	ConnectionType["MicrosoftOAuth"] = "MicrosoftOAuth";
	ConnectionType["MiniOrangeSAML"] = "MiniOrangeSAML";
	ConnectionType["NetIqSAML"] = "NetIqSAML";
	ConnectionType["OktaOIDC"] = "OktaOIDC";
	ConnectionType["OktaSAML"] = "OktaSAML";
	ConnectionType["OneLoginSAML"] = "OneLoginSAML";
	ConnectionType["OracleSAML"] = "OracleSAML";
	ConnectionType["PingFederateSAML"] = "PingFederateSAML";
	ConnectionType["PingOneSAML"] = "PingOneSAML";
	ConnectionType["RipplingSAML"] = "RipplingSAML";
	ConnectionType["SalesforceOAuth"] = "SalesforceOAuth";
	ConnectionType["SalesforceSAML"] = "SalesforceSAML";
	ConnectionType["ShibbolethGenericSAML"] = "ShibbolethGenericSAML";
	ConnectionType["ShibbolethSAML"] = "ShibbolethSAML";
	ConnectionType["SimpleSamlPhpSAML"] = "SimpleSamlPhpSAML";
	ConnectionType["VMwareSAML"] = "VMwareSAML";
	return ConnectionType;
}({});
//#endregion
//#region src/factory.ts
function createWorkOS(options) {
	return new WorkOS(options);
}
//#endregion


//# sourceMappingURL=factory-BbGPjwhL.mjs.map
;// CONCATENATED MODULE: ./node_modules/@workos-inc/node/lib/index.mjs

//#region src/groups/interfaces/user-organization-membership-base-list-data-status.interface.ts
const UserOrganizationMembershipBaseListDataStatus = {
	Active: "active",
	Inactive: "inactive",
	Pending: "pending"
};
//#endregion
//#region src/pipes/interfaces/connected-account-auth-method.interface.ts
const ConnectedAccountAuthMethod = {
	OAuth: "oauth",
	ApiKey: "api_key",
	ClientCredentials: "client_credentials"
};
//#endregion
//#region src/pipes/interfaces/connected-account-connection-role.interface.ts
const ConnectedAccountConnectionRole = {
	Compatibility: "compatibility",
	Standard: "standard"
};
//#endregion
//#region src/pipes/interfaces/connected-account-input-state.interface.ts
const ConnectedAccountInputState = {
	Connected: "connected",
	NeedsReauthorization: "needs_reauthorization"
};
//#endregion
//#region src/pipes/interfaces/connected-account-state.interface.ts
const ConnectedAccountState = {
	Connected: "connected",
	NeedsReauthorization: "needs_reauthorization",
	Disconnected: "disconnected"
};
//#endregion
//#region src/pipes/interfaces/create-connected-account-state.interface.ts
const CreateConnectedAccountState = {
	Connected: "connected",
	NeedsReauthorization: "needs_reauthorization"
};
//#endregion
//#region src/pipes/interfaces/create-data-integration-auth-methods.interface.ts
const CreateDataIntegrationAuthMethods = {
	OAuth: "oauth",
	ApiKey: "api_key",
	ClientCredentials: "client_credentials"
};
//#endregion
//#region src/pipes/interfaces/create-data-integration-ownership.interface.ts
const CreateDataIntegrationOwnership = {
	User: "user",
	Organization: "organization"
};
//#endregion
//#region src/pipes/interfaces/create-organization-connected-account-state.interface.ts
const CreateOrganizationConnectedAccountState = {
	Connected: "connected",
	NeedsReauthorization: "needs_reauthorization"
};
//#endregion
//#region src/pipes/interfaces/custom-provider-definition-authenticate-via.interface.ts
const CustomProviderDefinitionAuthenticateVia = {
	RequestBody: "request_body",
	BasicAuthHeader: "basic_auth_header"
};
//#endregion
//#region src/pipes/interfaces/data-integration-access-token-response-error.interface.ts
const DataIntegrationAccessTokenResponseError = {
	NotInstalled: "not_installed",
	NeedsReauthorization: "needs_reauthorization"
};
//#endregion
//#region src/pipes/interfaces/data-integration-auth-methods.interface.ts
const DataIntegrationAuthMethods = {
	OAuth: "oauth",
	ApiKey: "api_key",
	ClientCredentials: "client_credentials"
};
//#endregion
//#region src/pipes/interfaces/data-integration-credential-type.interface.ts
const DataIntegrationCredentialType = {
	Custom: "custom",
	Organization: "organization"
};
//#endregion
//#region src/pipes/interfaces/data-integration-credentials-input-type.interface.ts
const DataIntegrationCredentialsInputType = {
	Custom: "custom",
	Organization: "organization"
};
//#endregion
//#region src/pipes/interfaces/data-integration-credentials-response-error.interface.ts
const DataIntegrationCredentialsResponseError = {
	NotInstalled: "not_installed",
	NeedsReauthorization: "needs_reauthorization"
};
//#endregion
//#region src/pipes/interfaces/data-integration-credentials-type.interface.ts
const DataIntegrationCredentialsType = {
	Custom: "custom",
	Organization: "organization"
};
//#endregion
//#region src/pipes/interfaces/data-integration-custom-provider-authenticate-via.interface.ts
const DataIntegrationCustomProviderAuthenticateVia = {
	RequestBody: "request_body",
	BasicAuthHeader: "basic_auth_header"
};
//#endregion
//#region src/pipes/interfaces/data-integration-installation-connection-role.interface.ts
const DataIntegrationInstallationConnectionRole = {
	Compatibility: "compatibility",
	Standard: "standard"
};
//#endregion
//#region src/pipes/interfaces/data-integration-ownership.interface.ts
const DataIntegrationOwnership = {
	User: "user",
	Organization: "organization"
};
//#endregion
//#region src/pipes/interfaces/data-integration-state.interface.ts
const DataIntegrationState = {
	Valid: "valid",
	Invalid: "invalid",
	Requested: "requested"
};
//#endregion
//#region src/pipes/interfaces/data-integrations-create-api-key-connection-request-connection-owner.interface.ts
const DataIntegrationsCreateApiKeyConnectionRequestConnectionOwner = {
	User: "user",
	Organization: "organization"
};
//#endregion
//#region src/pipes/interfaces/data-integrations-create-client-credentials-connection-request-connection-owner.interface.ts
const DataIntegrationsCreateClientCredentialsConnectionRequestConnectionOwner = {
	User: "user",
	Organization: "organization"
};
//#endregion
//#region src/pipes/interfaces/data-integrations-get-data-integration-authorize-url-request-connection-owner.interface.ts
const DataIntegrationsGetDataIntegrationAuthorizeUrlRequestConnectionOwner = {
	User: "user",
	Organization: "organization"
};
//#endregion
//#region src/pipes/interfaces/data-integrations-get-user-token-request-connection-owner.interface.ts
const DataIntegrationsGetUserTokenRequestConnectionOwner = {
	User: "user",
	Organization: "organization"
};
//#endregion
//#region src/pipes/interfaces/data-integrations-list-response-data-auth-methods.interface.ts
const DataIntegrationsListResponseDataAuthMethods = {
	OAuth: "oauth",
	ApiKey: "api_key",
	ClientCredentials: "client_credentials"
};
//#endregion
//#region src/pipes/interfaces/data-integrations-list-response-data-connected-account-auth-method.interface.ts
const DataIntegrationsListResponseDataConnectedAccountAuthMethod = {
	OAuth: "oauth",
	ApiKey: "api_key",
	ClientCredentials: "client_credentials"
};
//#endregion
//#region src/pipes/interfaces/data-integrations-list-response-data-connected-account-connection-role.interface.ts
const DataIntegrationsListResponseDataConnectedAccountConnectionRole = {
	Compatibility: "compatibility",
	Standard: "standard"
};
//#endregion
//#region src/pipes/interfaces/data-integrations-list-response-data-connected-account-state.interface.ts
const DataIntegrationsListResponseDataConnectedAccountState = {
	Connected: "connected",
	NeedsReauthorization: "needs_reauthorization",
	Disconnected: "disconnected"
};
//#endregion
//#region src/pipes/interfaces/data-integrations-list-response-data-connection-owner.interface.ts
const DataIntegrationsListResponseDataConnectionOwner = {
	User: "user",
	Organization: "organization"
};
//#endregion
//#region src/pipes/interfaces/data-integrations-list-response-data-ownership.interface.ts
const DataIntegrationsListResponseDataOwnership = {
	UserlandUser: "userland_user",
	Organization: "organization"
};
//#endregion
//#region src/pipes/interfaces/data-integrations-upsert-api-key-request-connection-owner.interface.ts
const DataIntegrationsUpsertApiKeyRequestConnectionOwner = {
	User: "user",
	Organization: "organization"
};
//#endregion
//#region src/pipes/interfaces/data-integrations-upsert-client-credentials-request-connection-owner.interface.ts
const DataIntegrationsUpsertClientCredentialsRequestConnectionOwner = {
	User: "user",
	Organization: "organization"
};
//#endregion
//#region src/pipes/interfaces/data-integrations-vend-credentials-request-connection-owner.interface.ts
const DataIntegrationsVendCredentialsRequestConnectionOwner = {
	User: "user",
	Organization: "organization"
};
//#endregion
//#region src/pipes/interfaces/organization-connected-account-state.interface.ts
const OrganizationConnectedAccountState = {
	Connected: "connected",
	NeedsReauthorization: "needs_reauthorization"
};
//#endregion
//#region src/pipes/interfaces/pipes-ownership.interface.ts
const PipesOwnership = {
	User: "user",
	Organization: "organization"
};
//#endregion
//#region src/pipes/interfaces/update-custom-provider-definition-authenticate-via.interface.ts
const UpdateCustomProviderDefinitionAuthenticateVia = {
	RequestBody: "request_body",
	BasicAuthHeader: "basic_auth_header"
};
//#endregion
//#region src/radar/interfaces/radar-list-action.interface.ts
const RadarListAction = {
	Block: "block",
	Allow: "allow"
};
//#endregion
//#region src/radar/interfaces/radar-list-type.interface.ts
const RadarListType = {
	IpAddress: "ip_address",
	Domain: "domain",
	Email: "email",
	Device: "device",
	UserAgent: "user_agent",
	DeviceFingerprint: "device_fingerprint",
	Country: "country"
};
//#endregion
//#region src/radar/interfaces/radar-standalone-assess-request-action.interface.ts
const RadarStandaloneAssessRequestAction = {
	SignUp: "sign-up",
	SignIn: "sign-in"
};
//#endregion
//#region src/radar/interfaces/radar-standalone-assess-request-auth-method.interface.ts
const RadarStandaloneAssessRequestAuthMethod = {
	Password: "Password",
	Passkey: "Passkey",
	Authenticator: "Authenticator",
	SmsOtp: "SMS_OTP",
	EmailOtp: "Email_OTP",
	Social: "Social",
	SSO: "SSO",
	Other: "Other"
};
//#endregion
//#region src/radar/interfaces/radar-standalone-response-blocklist-type.interface.ts
const RadarStandaloneResponseBlocklistType = {
	IpAddress: "ip_address",
	Domain: "domain",
	Email: "email",
	Device: "device",
	UserAgent: "user_agent",
	DeviceFingerprint: "device_fingerprint",
	Country: "country"
};
//#endregion
//#region src/radar/interfaces/radar-standalone-response-control.interface.ts
const RadarStandaloneResponseControl = {
	BotDetection: "bot_detection",
	BruteForceAttack: "brute_force_attack",
	DomainSignUpRateLimit: "domain_sign_up_rate_limit",
	ImpossibleTravel: "impossible_travel",
	RepeatSignUp: "repeat_sign_up",
	StaleAccount: "stale_account",
	UnrecognizedDevice: "unrecognized_device",
	Restriction: "restriction"
};
//#endregion
//#region src/radar/interfaces/radar-standalone-response-verdict.interface.ts
const RadarStandaloneResponseVerdict = {
	Allow: "allow",
	Block: "block",
	Challenge: "challenge"
};
//#endregion
//#region src/vault/interfaces/vault-order.interface.ts
const VaultOrder = {
	Asc: "asc",
	Desc: "desc"
};
//#endregion
//#region src/webhooks/interfaces/create-webhook-endpoint-events.interface.ts
const CreateWebhookEndpointEvents = {
	AuthenticationEmailVerificationSucceeded: "authentication.email_verification_succeeded",
	AuthenticationMagicAuthFailed: "authentication.magic_auth_failed",
	AuthenticationMagicAuthSucceeded: "authentication.magic_auth_succeeded",
	AuthenticationMfaSucceeded: "authentication.mfa_succeeded",
	AuthenticationOAuthFailed: "authentication.oauth_failed",
	AuthenticationOAuthSucceeded: "authentication.oauth_succeeded",
	AuthenticationPasswordFailed: "authentication.password_failed",
	AuthenticationPasswordSucceeded: "authentication.password_succeeded",
	AuthenticationPasskeyFailed: "authentication.passkey_failed",
	AuthenticationPasskeySucceeded: "authentication.passkey_succeeded",
	AuthenticationSSOFailed: "authentication.sso_failed",
	AuthenticationSSOStarted: "authentication.sso_started",
	AuthenticationSSOSucceeded: "authentication.sso_succeeded",
	AuthenticationSSOTimedOut: "authentication.sso_timed_out",
	AuthenticationRadarRiskDetected: "authentication.radar_risk_detected",
	ApiKeyCreated: "api_key.created",
	ApiKeyRevoked: "api_key.revoked",
	ConnectionActivated: "connection.activated",
	ConnectionDeactivated: "connection.deactivated",
	ConnectionSAMLCertificateRenewalRequired: "connection.saml_certificate_renewal_required",
	ConnectionSAMLCertificateRenewed: "connection.saml_certificate_renewed",
	ConnectionDeleted: "connection.deleted",
	DsyncActivated: "dsync.activated",
	DsyncDeleted: "dsync.deleted",
	DsyncGroupCreated: "dsync.group.created",
	DsyncGroupDeleted: "dsync.group.deleted",
	DsyncGroupUpdated: "dsync.group.updated",
	DsyncGroupUserAdded: "dsync.group.user_added",
	DsyncGroupUserRemoved: "dsync.group.user_removed",
	DsyncUserCreated: "dsync.user.created",
	DsyncUserDeleted: "dsync.user.deleted",
	DsyncUserUpdated: "dsync.user.updated",
	EmailVerificationCreated: "email_verification.created",
	GroupCreated: "group.created",
	GroupDeleted: "group.deleted",
	GroupMemberAdded: "group.member_added",
	GroupMemberRemoved: "group.member_removed",
	GroupUpdated: "group.updated",
	FlagCreated: "flag.created",
	FlagDeleted: "flag.deleted",
	FlagUpdated: "flag.updated",
	FlagRuleUpdated: "flag.rule_updated",
	InvitationAccepted: "invitation.accepted",
	InvitationCreated: "invitation.created",
	InvitationResent: "invitation.resent",
	InvitationRevoked: "invitation.revoked",
	MagicAuthCreated: "magic_auth.created",
	OrganizationCreated: "organization.created",
	OrganizationDeleted: "organization.deleted",
	OrganizationUpdated: "organization.updated",
	OrganizationDomainCreated: "organization_domain.created",
	OrganizationDomainDeleted: "organization_domain.deleted",
	OrganizationDomainUpdated: "organization_domain.updated",
	OrganizationDomainVerified: "organization_domain.verified",
	OrganizationDomainVerificationFailed: "organization_domain.verification_failed",
	PasswordResetCreated: "password_reset.created",
	PasswordResetSucceeded: "password_reset.succeeded",
	UserCreated: "user.created",
	UserUpdated: "user.updated",
	UserDeleted: "user.deleted",
	OrganizationMembershipCreated: "organization_membership.created",
	OrganizationMembershipDeleted: "organization_membership.deleted",
	OrganizationMembershipUpdated: "organization_membership.updated",
	RoleCreated: "role.created",
	RoleDeleted: "role.deleted",
	RoleUpdated: "role.updated",
	OrganizationRoleCreated: "organization_role.created",
	OrganizationRoleDeleted: "organization_role.deleted",
	OrganizationRoleUpdated: "organization_role.updated",
	PermissionCreated: "permission.created",
	PermissionDeleted: "permission.deleted",
	PermissionUpdated: "permission.updated",
	PipesConnectedAccountConnected: "pipes.connected_account.connected",
	PipesConnectedAccountConnectionFailed: "pipes.connected_account.connection_failed",
	PipesConnectedAccountDisconnected: "pipes.connected_account.disconnected",
	PipesConnectedAccountReauthorizationNeeded: "pipes.connected_account.reauthorization_needed",
	SessionCreated: "session.created",
	SessionRevoked: "session.revoked",
	WaitlistUserApproved: "waitlist_user.approved",
	WaitlistUserCreated: "waitlist_user.created",
	WaitlistUserDenied: "waitlist_user.denied"
};
//#endregion
//#region src/webhooks/interfaces/update-webhook-endpoint-events.interface.ts
const UpdateWebhookEndpointEvents = {
	AuthenticationEmailVerificationSucceeded: "authentication.email_verification_succeeded",
	AuthenticationMagicAuthFailed: "authentication.magic_auth_failed",
	AuthenticationMagicAuthSucceeded: "authentication.magic_auth_succeeded",
	AuthenticationMfaSucceeded: "authentication.mfa_succeeded",
	AuthenticationOAuthFailed: "authentication.oauth_failed",
	AuthenticationOAuthSucceeded: "authentication.oauth_succeeded",
	AuthenticationPasswordFailed: "authentication.password_failed",
	AuthenticationPasswordSucceeded: "authentication.password_succeeded",
	AuthenticationPasskeyFailed: "authentication.passkey_failed",
	AuthenticationPasskeySucceeded: "authentication.passkey_succeeded",
	AuthenticationSSOFailed: "authentication.sso_failed",
	AuthenticationSSOStarted: "authentication.sso_started",
	AuthenticationSSOSucceeded: "authentication.sso_succeeded",
	AuthenticationSSOTimedOut: "authentication.sso_timed_out",
	AuthenticationRadarRiskDetected: "authentication.radar_risk_detected",
	ApiKeyCreated: "api_key.created",
	ApiKeyRevoked: "api_key.revoked",
	ConnectionActivated: "connection.activated",
	ConnectionDeactivated: "connection.deactivated",
	ConnectionSAMLCertificateRenewalRequired: "connection.saml_certificate_renewal_required",
	ConnectionSAMLCertificateRenewed: "connection.saml_certificate_renewed",
	ConnectionDeleted: "connection.deleted",
	DsyncActivated: "dsync.activated",
	DsyncDeleted: "dsync.deleted",
	DsyncGroupCreated: "dsync.group.created",
	DsyncGroupDeleted: "dsync.group.deleted",
	DsyncGroupUpdated: "dsync.group.updated",
	DsyncGroupUserAdded: "dsync.group.user_added",
	DsyncGroupUserRemoved: "dsync.group.user_removed",
	DsyncUserCreated: "dsync.user.created",
	DsyncUserDeleted: "dsync.user.deleted",
	DsyncUserUpdated: "dsync.user.updated",
	EmailVerificationCreated: "email_verification.created",
	GroupCreated: "group.created",
	GroupDeleted: "group.deleted",
	GroupMemberAdded: "group.member_added",
	GroupMemberRemoved: "group.member_removed",
	GroupUpdated: "group.updated",
	FlagCreated: "flag.created",
	FlagDeleted: "flag.deleted",
	FlagUpdated: "flag.updated",
	FlagRuleUpdated: "flag.rule_updated",
	InvitationAccepted: "invitation.accepted",
	InvitationCreated: "invitation.created",
	InvitationResent: "invitation.resent",
	InvitationRevoked: "invitation.revoked",
	MagicAuthCreated: "magic_auth.created",
	OrganizationCreated: "organization.created",
	OrganizationDeleted: "organization.deleted",
	OrganizationUpdated: "organization.updated",
	OrganizationDomainCreated: "organization_domain.created",
	OrganizationDomainDeleted: "organization_domain.deleted",
	OrganizationDomainUpdated: "organization_domain.updated",
	OrganizationDomainVerified: "organization_domain.verified",
	OrganizationDomainVerificationFailed: "organization_domain.verification_failed",
	PasswordResetCreated: "password_reset.created",
	PasswordResetSucceeded: "password_reset.succeeded",
	UserCreated: "user.created",
	UserUpdated: "user.updated",
	UserDeleted: "user.deleted",
	OrganizationMembershipCreated: "organization_membership.created",
	OrganizationMembershipDeleted: "organization_membership.deleted",
	OrganizationMembershipUpdated: "organization_membership.updated",
	RoleCreated: "role.created",
	RoleDeleted: "role.deleted",
	RoleUpdated: "role.updated",
	OrganizationRoleCreated: "organization_role.created",
	OrganizationRoleDeleted: "organization_role.deleted",
	OrganizationRoleUpdated: "organization_role.updated",
	PermissionCreated: "permission.created",
	PermissionDeleted: "permission.deleted",
	PermissionUpdated: "permission.updated",
	PipesConnectedAccountConnected: "pipes.connected_account.connected",
	PipesConnectedAccountConnectionFailed: "pipes.connected_account.connection_failed",
	PipesConnectedAccountDisconnected: "pipes.connected_account.disconnected",
	PipesConnectedAccountReauthorizationNeeded: "pipes.connected_account.reauthorization_needed",
	SessionCreated: "session.created",
	SessionRevoked: "session.revoked",
	WaitlistUserApproved: "waitlist_user.approved",
	WaitlistUserCreated: "waitlist_user.created",
	WaitlistUserDenied: "waitlist_user.denied"
};
//#endregion
//#region src/webhooks/interfaces/update-webhook-endpoint-status.interface.ts
const UpdateWebhookEndpointStatus = {
	Enabled: "enabled",
	Disabled: "disabled"
};
//#endregion
//#region src/webhooks/interfaces/webhook-endpoint-status.interface.ts
const WebhookEndpointStatus = {
	Enabled: "enabled",
	Disabled: "disabled"
};
//#endregion
//#region src/widgets/interfaces/widget-session-token-scopes.interface.ts
const WidgetSessionTokenScopes = {
	WidgetsUsersTableManage: "widgets:users-table:manage",
	WidgetsDomainVerificationManage: "widgets:domain-verification:manage",
	WidgetsSSOManage: "widgets:sso:manage",
	WidgetsApiKeysManage: "widgets:api-keys:manage",
	WidgetsDsyncManage: "widgets:dsync:manage",
	WidgetsAuditLogStreamingManage: "widgets:audit-log-streaming:manage"
};
//#endregion
//#region src/index.ts
var WorkOSNode = class extends WorkOS {
	/** @override */
	createHttpClient(options, userAgent) {
		const headers = {};
		const configHeaders = options.config?.headers;
		if (configHeaders) {
			if (configHeaders instanceof Headers) configHeaders.forEach((v, k) => headers[k] = v);
			else if (Array.isArray(configHeaders)) configHeaders.forEach(([k, v]) => headers[k] = v);
			else Object.assign(headers, configHeaders);
		}
		headers["User-Agent"] = userAgent;
		if (this.key) headers["Authorization"] = `Bearer ${this.key}`;
		const opts = {
			...options.config,
			timeout: options.timeout,
			maxRetries: options.maxRetries,
			headers
		};
		return new FetchHttpClient(this.baseURL, opts, options.fetchFn);
	}
	/** @override */
	createWebhookClient() {
		return new Webhooks(this);
	}
	getCryptoProvider() {
		return new SubtleCryptoProvider();
	}
	/** @override */
	createActionsClient() {
		return new Actions(this.getCryptoProvider());
	}
	/** @override */
	emitWarning(warning) {
		return process.emitWarning(warning, "WorkOS");
	}
};
//#endregion


//# sourceMappingURL=index.mjs.map

/***/ }),

/***/ 36242:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ay: () => (__WEBPACK_DEFAULT_EXPORT__)
/* harmony export */ });
/* unused harmony exports setRandomFallback, genSaltSync, genSalt, hashSync, hash, compareSync, compare, getRounds, getSalt, truncates, encodeBase64, decodeBase64 */
/* harmony import */ var crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76982);
/*
 Copyright (c) 2012 Nevins Bartolomeo <nevins.bartolomeo@gmail.com>
 Copyright (c) 2012 Shane Girish <shaneGirish@gmail.com>
 Copyright (c) 2025 Daniel Wirtz <dcode@dcode.io>

 Redistribution and use in source and binary forms, with or without
 modification, are permitted provided that the following conditions
 are met:
 1. Redistributions of source code must retain the above copyright
 notice, this list of conditions and the following disclaimer.
 2. Redistributions in binary form must reproduce the above copyright
 notice, this list of conditions and the following disclaimer in the
 documentation and/or other materials provided with the distribution.
 3. The name of the author may not be used to endorse or promote products
 derived from this software without specific prior written permission.

 THIS SOFTWARE IS PROVIDED BY THE AUTHOR ``AS IS'' AND ANY EXPRESS OR
 IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES
 OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED.
 IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY DIRECT, INDIRECT,
 INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT
 NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
 DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY
 THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
 (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF
 THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

// The Node.js crypto module is used as a fallback for the Web Crypto API. When
// building for the browser, inclusion of the crypto module should be disabled,
// which the package hints at in its package.json for bundlers that support it.


/**
 * The random implementation to use as a fallback.
 * @type {?function(number):!Array.<number>}
 * @inner
 */
var randomFallback = null;

/**
 * Generates cryptographically secure random bytes.
 * @function
 * @param {number} len Bytes length
 * @returns {!Array.<number>} Random bytes
 * @throws {Error} If no random implementation is available
 * @inner
 */
function randomBytes(len) {
  // Web Crypto API. Globally available in the browser and in Node.js >=23.
  try {
    return crypto.getRandomValues(new Uint8Array(len));
  } catch {}
  // Node.js crypto module for non-browser environments.
  try {
    return crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes(len);
  } catch {}
  // Custom fallback specified with `setRandomFallback`.
  if (!randomFallback) {
    throw Error(
      "Neither WebCryptoAPI nor a crypto module is available. Use bcrypt.setRandomFallback to set an alternative",
    );
  }
  return randomFallback(len);
}

/**
 * Sets the pseudo random number generator to use as a fallback if neither node's `crypto` module nor the Web Crypto
 *  API is available. Please note: It is highly important that the PRNG used is cryptographically secure and that it
 *  is seeded properly!
 * @param {?function(number):!Array.<number>} random Function taking the number of bytes to generate as its
 *  sole argument, returning the corresponding array of cryptographically secure random byte values.
 * @see http://nodejs.org/api/crypto.html
 * @see http://www.w3.org/TR/WebCryptoAPI/
 */
function setRandomFallback(random) {
  randomFallback = random;
}

/**
 * Synchronously generates a salt.
 * @param {number=} rounds Number of rounds to use, defaults to 10 if omitted
 * @param {number=} seed_length Not supported.
 * @returns {string} Resulting salt
 * @throws {Error} If a random fallback is required but not set
 */
function genSaltSync(rounds, seed_length) {
  rounds = rounds || GENSALT_DEFAULT_LOG2_ROUNDS;
  if (typeof rounds !== "number")
    throw Error(
      "Illegal arguments: " + typeof rounds + ", " + typeof seed_length,
    );
  if (rounds < 4) rounds = 4;
  else if (rounds > 31) rounds = 31;
  var salt = [];
  salt.push("$2b$");
  if (rounds < 10) salt.push("0");
  salt.push(rounds.toString());
  salt.push("$");
  salt.push(base64_encode(randomBytes(BCRYPT_SALT_LEN), BCRYPT_SALT_LEN)); // May throw
  return salt.join("");
}

/**
 * Asynchronously generates a salt.
 * @param {(number|function(Error, string=))=} rounds Number of rounds to use, defaults to 10 if omitted
 * @param {(number|function(Error, string=))=} seed_length Not supported.
 * @param {function(Error, string=)=} callback Callback receiving the error, if any, and the resulting salt
 * @returns {!Promise} If `callback` has been omitted
 * @throws {Error} If `callback` is present but not a function
 */
function genSalt(rounds, seed_length, callback) {
  if (typeof seed_length === "function")
    (callback = seed_length), (seed_length = undefined); // Not supported.
  if (typeof rounds === "function") (callback = rounds), (rounds = undefined);
  if (typeof rounds === "undefined") rounds = GENSALT_DEFAULT_LOG2_ROUNDS;
  else if (typeof rounds !== "number")
    throw Error("illegal arguments: " + typeof rounds);

  function _async(callback) {
    nextTick(function () {
      // Pretty thin, but salting is fast enough
      try {
        callback(null, genSaltSync(rounds));
      } catch (err) {
        callback(err);
      }
    });
  }

  if (callback) {
    if (typeof callback !== "function")
      throw Error("Illegal callback: " + typeof callback);
    _async(callback);
  } else
    return new Promise(function (resolve, reject) {
      _async(function (err, res) {
        if (err) {
          reject(err);
          return;
        }
        resolve(res);
      });
    });
}

/**
 * Synchronously generates a hash for the given password.
 * @param {string} password Password to hash
 * @param {(number|string)=} salt Salt length to generate or salt to use, default to 10
 * @returns {string} Resulting hash
 */
function hashSync(password, salt) {
  if (typeof salt === "undefined") salt = GENSALT_DEFAULT_LOG2_ROUNDS;
  if (typeof salt === "number") salt = genSaltSync(salt);
  if (typeof password !== "string" || typeof salt !== "string")
    throw Error("Illegal arguments: " + typeof password + ", " + typeof salt);
  return _hash(password, salt);
}

/**
 * Asynchronously generates a hash for the given password.
 * @param {string} password Password to hash
 * @param {number|string} salt Salt length to generate or salt to use
 * @param {function(Error, string=)=} callback Callback receiving the error, if any, and the resulting hash
 * @param {function(number)=} progressCallback Callback successively called with the percentage of rounds completed
 *  (0.0 - 1.0), maximally once per `MAX_EXECUTION_TIME = 100` ms.
 * @returns {!Promise} If `callback` has been omitted
 * @throws {Error} If `callback` is present but not a function
 */
function hash(password, salt, callback, progressCallback) {
  function _async(callback) {
    if (typeof password === "string" && typeof salt === "number")
      genSalt(salt, function (err, salt) {
        _hash(password, salt, callback, progressCallback);
      });
    else if (typeof password === "string" && typeof salt === "string")
      _hash(password, salt, callback, progressCallback);
    else
      nextTick(
        callback.bind(
          this,
          Error("Illegal arguments: " + typeof password + ", " + typeof salt),
        ),
      );
  }

  if (callback) {
    if (typeof callback !== "function")
      throw Error("Illegal callback: " + typeof callback);
    _async(callback);
  } else
    return new Promise(function (resolve, reject) {
      _async(function (err, res) {
        if (err) {
          reject(err);
          return;
        }
        resolve(res);
      });
    });
}

/**
 * Compares two strings of the same length in constant time.
 * @param {string} known Must be of the correct length
 * @param {string} unknown Must be the same length as `known`
 * @returns {boolean}
 * @inner
 */
function safeStringCompare(known, unknown) {
  var diff = known.length ^ unknown.length;
  for (var i = 0; i < known.length; ++i) {
    diff |= known.charCodeAt(i) ^ unknown.charCodeAt(i);
  }
  return diff === 0;
}

/**
 * Synchronously tests a password against a hash.
 * @param {string} password Password to compare
 * @param {string} hash Hash to test against
 * @returns {boolean} true if matching, otherwise false
 * @throws {Error} If an argument is illegal
 */
function compareSync(password, hash) {
  if (typeof password !== "string" || typeof hash !== "string")
    throw Error("Illegal arguments: " + typeof password + ", " + typeof hash);
  if (hash.length !== 60) return false;
  return safeStringCompare(
    hashSync(password, hash.substring(0, hash.length - 31)),
    hash,
  );
}

/**
 * Asynchronously tests a password against a hash.
 * @param {string} password Password to compare
 * @param {string} hashValue Hash to test against
 * @param {function(Error, boolean)=} callback Callback receiving the error, if any, otherwise the result
 * @param {function(number)=} progressCallback Callback successively called with the percentage of rounds completed
 *  (0.0 - 1.0), maximally once per `MAX_EXECUTION_TIME = 100` ms.
 * @returns {!Promise} If `callback` has been omitted
 * @throws {Error} If `callback` is present but not a function
 */
function compare(password, hashValue, callback, progressCallback) {
  function _async(callback) {
    if (typeof password !== "string" || typeof hashValue !== "string") {
      nextTick(
        callback.bind(
          this,
          Error(
            "Illegal arguments: " + typeof password + ", " + typeof hashValue,
          ),
        ),
      );
      return;
    }
    if (hashValue.length !== 60) {
      nextTick(callback.bind(this, null, false));
      return;
    }
    hash(
      password,
      hashValue.substring(0, 29),
      function (err, comp) {
        if (err) callback(err);
        else callback(null, safeStringCompare(comp, hashValue));
      },
      progressCallback,
    );
  }

  if (callback) {
    if (typeof callback !== "function")
      throw Error("Illegal callback: " + typeof callback);
    _async(callback);
  } else
    return new Promise(function (resolve, reject) {
      _async(function (err, res) {
        if (err) {
          reject(err);
          return;
        }
        resolve(res);
      });
    });
}

/**
 * Gets the number of rounds used to encrypt the specified hash.
 * @param {string} hash Hash to extract the used number of rounds from
 * @returns {number} Number of rounds used
 * @throws {Error} If `hash` is not a string
 */
function getRounds(hash) {
  if (typeof hash !== "string")
    throw Error("Illegal arguments: " + typeof hash);
  return parseInt(hash.split("$")[2], 10);
}

/**
 * Gets the salt portion from a hash. Does not validate the hash.
 * @param {string} hash Hash to extract the salt from
 * @returns {string} Extracted salt part
 * @throws {Error} If `hash` is not a string or otherwise invalid
 */
function getSalt(hash) {
  if (typeof hash !== "string")
    throw Error("Illegal arguments: " + typeof hash);
  if (hash.length !== 60)
    throw Error("Illegal hash length: " + hash.length + " != 60");
  return hash.substring(0, 29);
}

/**
 * Tests if a password will be truncated when hashed, that is its length is
 * greater than 72 bytes when converted to UTF-8.
 * @param {string} password The password to test
 * @returns {boolean} `true` if truncated, otherwise `false`
 */
function truncates(password) {
  if (typeof password !== "string")
    throw Error("Illegal arguments: " + typeof password);
  return utf8Length(password) > 72;
}

/**
 * Continues with the callback after yielding to the event loop.
 * @function
 * @param {function(...[*])} callback Callback to execute
 * @inner
 */
var nextTick =
  typeof setImmediate === "function"
    ? setImmediate
    : typeof scheduler === "object" && typeof scheduler.postTask === "function"
      ? scheduler.postTask.bind(scheduler)
      : setTimeout;

/** Calculates the byte length of a string encoded as UTF8. */
function utf8Length(string) {
  var len = 0,
    c = 0;
  for (var i = 0; i < string.length; ++i) {
    c = string.charCodeAt(i);
    if (c < 128) len += 1;
    else if (c < 2048) len += 2;
    else if (
      (c & 0xfc00) === 0xd800 &&
      (string.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    ) {
      ++i;
      len += 4;
    } else len += 3;
  }
  return len;
}

/** Converts a string to an array of UTF8 bytes. */
function utf8Array(string) {
  var offset = 0,
    c1,
    c2;
  var buffer = new Array(utf8Length(string));
  for (var i = 0, k = string.length; i < k; ++i) {
    c1 = string.charCodeAt(i);
    if (c1 < 128) {
      buffer[offset++] = c1;
    } else if (c1 < 2048) {
      buffer[offset++] = (c1 >> 6) | 192;
      buffer[offset++] = (c1 & 63) | 128;
    } else if (
      (c1 & 0xfc00) === 0xd800 &&
      ((c2 = string.charCodeAt(i + 1)) & 0xfc00) === 0xdc00
    ) {
      c1 = 0x10000 + ((c1 & 0x03ff) << 10) + (c2 & 0x03ff);
      ++i;
      buffer[offset++] = (c1 >> 18) | 240;
      buffer[offset++] = ((c1 >> 12) & 63) | 128;
      buffer[offset++] = ((c1 >> 6) & 63) | 128;
      buffer[offset++] = (c1 & 63) | 128;
    } else {
      buffer[offset++] = (c1 >> 12) | 224;
      buffer[offset++] = ((c1 >> 6) & 63) | 128;
      buffer[offset++] = (c1 & 63) | 128;
    }
  }
  return buffer;
}

// A base64 implementation for the bcrypt algorithm. This is partly non-standard.

/**
 * bcrypt's own non-standard base64 dictionary.
 * @type {!Array.<string>}
 * @const
 * @inner
 **/
var BASE64_CODE =
  "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".split("");

/**
 * @type {!Array.<number>}
 * @const
 * @inner
 **/
var BASE64_INDEX = [
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, 0, 1, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
  -1, -1, -1, -1, -1, -1, -1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
  16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, -1, -1, -1, -1, -1, -1, 28,
  29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
  48, 49, 50, 51, 52, 53, -1, -1, -1, -1, -1,
];

/**
 * Encodes a byte array to base64 with up to len bytes of input.
 * @param {!Array.<number>} b Byte array
 * @param {number} len Maximum input length
 * @returns {string}
 * @inner
 */
function base64_encode(b, len) {
  var off = 0,
    rs = [],
    c1,
    c2;
  if (len <= 0 || len > b.length) throw Error("Illegal len: " + len);
  while (off < len) {
    c1 = b[off++] & 0xff;
    rs.push(BASE64_CODE[(c1 >> 2) & 0x3f]);
    c1 = (c1 & 0x03) << 4;
    if (off >= len) {
      rs.push(BASE64_CODE[c1 & 0x3f]);
      break;
    }
    c2 = b[off++] & 0xff;
    c1 |= (c2 >> 4) & 0x0f;
    rs.push(BASE64_CODE[c1 & 0x3f]);
    c1 = (c2 & 0x0f) << 2;
    if (off >= len) {
      rs.push(BASE64_CODE[c1 & 0x3f]);
      break;
    }
    c2 = b[off++] & 0xff;
    c1 |= (c2 >> 6) & 0x03;
    rs.push(BASE64_CODE[c1 & 0x3f]);
    rs.push(BASE64_CODE[c2 & 0x3f]);
  }
  return rs.join("");
}

/**
 * Decodes a base64 encoded string to up to len bytes of output.
 * @param {string} s String to decode
 * @param {number} len Maximum output length
 * @returns {!Array.<number>}
 * @inner
 */
function base64_decode(s, len) {
  var off = 0,
    slen = s.length,
    olen = 0,
    rs = [],
    c1,
    c2,
    c3,
    c4,
    o,
    code;
  if (len <= 0) throw Error("Illegal len: " + len);
  while (off < slen - 1 && olen < len) {
    code = s.charCodeAt(off++);
    c1 = code < BASE64_INDEX.length ? BASE64_INDEX[code] : -1;
    code = s.charCodeAt(off++);
    c2 = code < BASE64_INDEX.length ? BASE64_INDEX[code] : -1;
    if (c1 == -1 || c2 == -1) break;
    o = (c1 << 2) >>> 0;
    o |= (c2 & 0x30) >> 4;
    rs.push(String.fromCharCode(o));
    if (++olen >= len || off >= slen) break;
    code = s.charCodeAt(off++);
    c3 = code < BASE64_INDEX.length ? BASE64_INDEX[code] : -1;
    if (c3 == -1) break;
    o = ((c2 & 0x0f) << 4) >>> 0;
    o |= (c3 & 0x3c) >> 2;
    rs.push(String.fromCharCode(o));
    if (++olen >= len || off >= slen) break;
    code = s.charCodeAt(off++);
    c4 = code < BASE64_INDEX.length ? BASE64_INDEX[code] : -1;
    o = ((c3 & 0x03) << 6) >>> 0;
    o |= c4;
    rs.push(String.fromCharCode(o));
    ++olen;
  }
  var res = [];
  for (off = 0; off < olen; off++) res.push(rs[off].charCodeAt(0));
  return res;
}

/**
 * @type {number}
 * @const
 * @inner
 */
var BCRYPT_SALT_LEN = 16;

/**
 * @type {number}
 * @const
 * @inner
 */
var GENSALT_DEFAULT_LOG2_ROUNDS = 10;

/**
 * @type {number}
 * @const
 * @inner
 */
var BLOWFISH_NUM_ROUNDS = 16;

/**
 * @type {number}
 * @const
 * @inner
 */
var MAX_EXECUTION_TIME = 100;

/**
 * @type {Array.<number>}
 * @const
 * @inner
 */
var P_ORIG = [
  0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0,
  0x082efa98, 0xec4e6c89, 0x452821e6, 0x38d01377, 0xbe5466cf, 0x34e90c6c,
  0xc0ac29b7, 0xc97c50dd, 0x3f84d5b5, 0xb5470917, 0x9216d5d9, 0x8979fb1b,
];

/**
 * @type {Array.<number>}
 * @const
 * @inner
 */
var S_ORIG = [
  0xd1310ba6, 0x98dfb5ac, 0x2ffd72db, 0xd01adfb7, 0xb8e1afed, 0x6a267e96,
  0xba7c9045, 0xf12c7f99, 0x24a19947, 0xb3916cf7, 0x0801f2e2, 0x858efc16,
  0x636920d8, 0x71574e69, 0xa458fea3, 0xf4933d7e, 0x0d95748f, 0x728eb658,
  0x718bcd58, 0x82154aee, 0x7b54a41d, 0xc25a59b5, 0x9c30d539, 0x2af26013,
  0xc5d1b023, 0x286085f0, 0xca417918, 0xb8db38ef, 0x8e79dcb0, 0x603a180e,
  0x6c9e0e8b, 0xb01e8a3e, 0xd71577c1, 0xbd314b27, 0x78af2fda, 0x55605c60,
  0xe65525f3, 0xaa55ab94, 0x57489862, 0x63e81440, 0x55ca396a, 0x2aab10b6,
  0xb4cc5c34, 0x1141e8ce, 0xa15486af, 0x7c72e993, 0xb3ee1411, 0x636fbc2a,
  0x2ba9c55d, 0x741831f6, 0xce5c3e16, 0x9b87931e, 0xafd6ba33, 0x6c24cf5c,
  0x7a325381, 0x28958677, 0x3b8f4898, 0x6b4bb9af, 0xc4bfe81b, 0x66282193,
  0x61d809cc, 0xfb21a991, 0x487cac60, 0x5dec8032, 0xef845d5d, 0xe98575b1,
  0xdc262302, 0xeb651b88, 0x23893e81, 0xd396acc5, 0x0f6d6ff3, 0x83f44239,
  0x2e0b4482, 0xa4842004, 0x69c8f04a, 0x9e1f9b5e, 0x21c66842, 0xf6e96c9a,
  0x670c9c61, 0xabd388f0, 0x6a51a0d2, 0xd8542f68, 0x960fa728, 0xab5133a3,
  0x6eef0b6c, 0x137a3be4, 0xba3bf050, 0x7efb2a98, 0xa1f1651d, 0x39af0176,
  0x66ca593e, 0x82430e88, 0x8cee8619, 0x456f9fb4, 0x7d84a5c3, 0x3b8b5ebe,
  0xe06f75d8, 0x85c12073, 0x401a449f, 0x56c16aa6, 0x4ed3aa62, 0x363f7706,
  0x1bfedf72, 0x429b023d, 0x37d0d724, 0xd00a1248, 0xdb0fead3, 0x49f1c09b,
  0x075372c9, 0x80991b7b, 0x25d479d8, 0xf6e8def7, 0xe3fe501a, 0xb6794c3b,
  0x976ce0bd, 0x04c006ba, 0xc1a94fb6, 0x409f60c4, 0x5e5c9ec2, 0x196a2463,
  0x68fb6faf, 0x3e6c53b5, 0x1339b2eb, 0x3b52ec6f, 0x6dfc511f, 0x9b30952c,
  0xcc814544, 0xaf5ebd09, 0xbee3d004, 0xde334afd, 0x660f2807, 0x192e4bb3,
  0xc0cba857, 0x45c8740f, 0xd20b5f39, 0xb9d3fbdb, 0x5579c0bd, 0x1a60320a,
  0xd6a100c6, 0x402c7279, 0x679f25fe, 0xfb1fa3cc, 0x8ea5e9f8, 0xdb3222f8,
  0x3c7516df, 0xfd616b15, 0x2f501ec8, 0xad0552ab, 0x323db5fa, 0xfd238760,
  0x53317b48, 0x3e00df82, 0x9e5c57bb, 0xca6f8ca0, 0x1a87562e, 0xdf1769db,
  0xd542a8f6, 0x287effc3, 0xac6732c6, 0x8c4f5573, 0x695b27b0, 0xbbca58c8,
  0xe1ffa35d, 0xb8f011a0, 0x10fa3d98, 0xfd2183b8, 0x4afcb56c, 0x2dd1d35b,
  0x9a53e479, 0xb6f84565, 0xd28e49bc, 0x4bfb9790, 0xe1ddf2da, 0xa4cb7e33,
  0x62fb1341, 0xcee4c6e8, 0xef20cada, 0x36774c01, 0xd07e9efe, 0x2bf11fb4,
  0x95dbda4d, 0xae909198, 0xeaad8e71, 0x6b93d5a0, 0xd08ed1d0, 0xafc725e0,
  0x8e3c5b2f, 0x8e7594b7, 0x8ff6e2fb, 0xf2122b64, 0x8888b812, 0x900df01c,
  0x4fad5ea0, 0x688fc31c, 0xd1cff191, 0xb3a8c1ad, 0x2f2f2218, 0xbe0e1777,
  0xea752dfe, 0x8b021fa1, 0xe5a0cc0f, 0xb56f74e8, 0x18acf3d6, 0xce89e299,
  0xb4a84fe0, 0xfd13e0b7, 0x7cc43b81, 0xd2ada8d9, 0x165fa266, 0x80957705,
  0x93cc7314, 0x211a1477, 0xe6ad2065, 0x77b5fa86, 0xc75442f5, 0xfb9d35cf,
  0xebcdaf0c, 0x7b3e89a0, 0xd6411bd3, 0xae1e7e49, 0x00250e2d, 0x2071b35e,
  0x226800bb, 0x57b8e0af, 0x2464369b, 0xf009b91e, 0x5563911d, 0x59dfa6aa,
  0x78c14389, 0xd95a537f, 0x207d5ba2, 0x02e5b9c5, 0x83260376, 0x6295cfa9,
  0x11c81968, 0x4e734a41, 0xb3472dca, 0x7b14a94a, 0x1b510052, 0x9a532915,
  0xd60f573f, 0xbc9bc6e4, 0x2b60a476, 0x81e67400, 0x08ba6fb5, 0x571be91f,
  0xf296ec6b, 0x2a0dd915, 0xb6636521, 0xe7b9f9b6, 0xff34052e, 0xc5855664,
  0x53b02d5d, 0xa99f8fa1, 0x08ba4799, 0x6e85076a, 0x4b7a70e9, 0xb5b32944,
  0xdb75092e, 0xc4192623, 0xad6ea6b0, 0x49a7df7d, 0x9cee60b8, 0x8fedb266,
  0xecaa8c71, 0x699a17ff, 0x5664526c, 0xc2b19ee1, 0x193602a5, 0x75094c29,
  0xa0591340, 0xe4183a3e, 0x3f54989a, 0x5b429d65, 0x6b8fe4d6, 0x99f73fd6,
  0xa1d29c07, 0xefe830f5, 0x4d2d38e6, 0xf0255dc1, 0x4cdd2086, 0x8470eb26,
  0x6382e9c6, 0x021ecc5e, 0x09686b3f, 0x3ebaefc9, 0x3c971814, 0x6b6a70a1,
  0x687f3584, 0x52a0e286, 0xb79c5305, 0xaa500737, 0x3e07841c, 0x7fdeae5c,
  0x8e7d44ec, 0x5716f2b8, 0xb03ada37, 0xf0500c0d, 0xf01c1f04, 0x0200b3ff,
  0xae0cf51a, 0x3cb574b2, 0x25837a58, 0xdc0921bd, 0xd19113f9, 0x7ca92ff6,
  0x94324773, 0x22f54701, 0x3ae5e581, 0x37c2dadc, 0xc8b57634, 0x9af3dda7,
  0xa9446146, 0x0fd0030e, 0xecc8c73e, 0xa4751e41, 0xe238cd99, 0x3bea0e2f,
  0x3280bba1, 0x183eb331, 0x4e548b38, 0x4f6db908, 0x6f420d03, 0xf60a04bf,
  0x2cb81290, 0x24977c79, 0x5679b072, 0xbcaf89af, 0xde9a771f, 0xd9930810,
  0xb38bae12, 0xdccf3f2e, 0x5512721f, 0x2e6b7124, 0x501adde6, 0x9f84cd87,
  0x7a584718, 0x7408da17, 0xbc9f9abc, 0xe94b7d8c, 0xec7aec3a, 0xdb851dfa,
  0x63094366, 0xc464c3d2, 0xef1c1847, 0x3215d908, 0xdd433b37, 0x24c2ba16,
  0x12a14d43, 0x2a65c451, 0x50940002, 0x133ae4dd, 0x71dff89e, 0x10314e55,
  0x81ac77d6, 0x5f11199b, 0x043556f1, 0xd7a3c76b, 0x3c11183b, 0x5924a509,
  0xf28fe6ed, 0x97f1fbfa, 0x9ebabf2c, 0x1e153c6e, 0x86e34570, 0xeae96fb1,
  0x860e5e0a, 0x5a3e2ab3, 0x771fe71c, 0x4e3d06fa, 0x2965dcb9, 0x99e71d0f,
  0x803e89d6, 0x5266c825, 0x2e4cc978, 0x9c10b36a, 0xc6150eba, 0x94e2ea78,
  0xa5fc3c53, 0x1e0a2df4, 0xf2f74ea7, 0x361d2b3d, 0x1939260f, 0x19c27960,
  0x5223a708, 0xf71312b6, 0xebadfe6e, 0xeac31f66, 0xe3bc4595, 0xa67bc883,
  0xb17f37d1, 0x018cff28, 0xc332ddef, 0xbe6c5aa5, 0x65582185, 0x68ab9802,
  0xeecea50f, 0xdb2f953b, 0x2aef7dad, 0x5b6e2f84, 0x1521b628, 0x29076170,
  0xecdd4775, 0x619f1510, 0x13cca830, 0xeb61bd96, 0x0334fe1e, 0xaa0363cf,
  0xb5735c90, 0x4c70a239, 0xd59e9e0b, 0xcbaade14, 0xeecc86bc, 0x60622ca7,
  0x9cab5cab, 0xb2f3846e, 0x648b1eaf, 0x19bdf0ca, 0xa02369b9, 0x655abb50,
  0x40685a32, 0x3c2ab4b3, 0x319ee9d5, 0xc021b8f7, 0x9b540b19, 0x875fa099,
  0x95f7997e, 0x623d7da8, 0xf837889a, 0x97e32d77, 0x11ed935f, 0x16681281,
  0x0e358829, 0xc7e61fd6, 0x96dedfa1, 0x7858ba99, 0x57f584a5, 0x1b227263,
  0x9b83c3ff, 0x1ac24696, 0xcdb30aeb, 0x532e3054, 0x8fd948e4, 0x6dbc3128,
  0x58ebf2ef, 0x34c6ffea, 0xfe28ed61, 0xee7c3c73, 0x5d4a14d9, 0xe864b7e3,
  0x42105d14, 0x203e13e0, 0x45eee2b6, 0xa3aaabea, 0xdb6c4f15, 0xfacb4fd0,
  0xc742f442, 0xef6abbb5, 0x654f3b1d, 0x41cd2105, 0xd81e799e, 0x86854dc7,
  0xe44b476a, 0x3d816250, 0xcf62a1f2, 0x5b8d2646, 0xfc8883a0, 0xc1c7b6a3,
  0x7f1524c3, 0x69cb7492, 0x47848a0b, 0x5692b285, 0x095bbf00, 0xad19489d,
  0x1462b174, 0x23820e00, 0x58428d2a, 0x0c55f5ea, 0x1dadf43e, 0x233f7061,
  0x3372f092, 0x8d937e41, 0xd65fecf1, 0x6c223bdb, 0x7cde3759, 0xcbee7460,
  0x4085f2a7, 0xce77326e, 0xa6078084, 0x19f8509e, 0xe8efd855, 0x61d99735,
  0xa969a7aa, 0xc50c06c2, 0x5a04abfc, 0x800bcadc, 0x9e447a2e, 0xc3453484,
  0xfdd56705, 0x0e1e9ec9, 0xdb73dbd3, 0x105588cd, 0x675fda79, 0xe3674340,
  0xc5c43465, 0x713e38d8, 0x3d28f89e, 0xf16dff20, 0x153e21e7, 0x8fb03d4a,
  0xe6e39f2b, 0xdb83adf7, 0xe93d5a68, 0x948140f7, 0xf64c261c, 0x94692934,
  0x411520f7, 0x7602d4f7, 0xbcf46b2e, 0xd4a20068, 0xd4082471, 0x3320f46a,
  0x43b7d4b7, 0x500061af, 0x1e39f62e, 0x97244546, 0x14214f74, 0xbf8b8840,
  0x4d95fc1d, 0x96b591af, 0x70f4ddd3, 0x66a02f45, 0xbfbc09ec, 0x03bd9785,
  0x7fac6dd0, 0x31cb8504, 0x96eb27b3, 0x55fd3941, 0xda2547e6, 0xabca0a9a,
  0x28507825, 0x530429f4, 0x0a2c86da, 0xe9b66dfb, 0x68dc1462, 0xd7486900,
  0x680ec0a4, 0x27a18dee, 0x4f3ffea2, 0xe887ad8c, 0xb58ce006, 0x7af4d6b6,
  0xaace1e7c, 0xd3375fec, 0xce78a399, 0x406b2a42, 0x20fe9e35, 0xd9f385b9,
  0xee39d7ab, 0x3b124e8b, 0x1dc9faf7, 0x4b6d1856, 0x26a36631, 0xeae397b2,
  0x3a6efa74, 0xdd5b4332, 0x6841e7f7, 0xca7820fb, 0xfb0af54e, 0xd8feb397,
  0x454056ac, 0xba489527, 0x55533a3a, 0x20838d87, 0xfe6ba9b7, 0xd096954b,
  0x55a867bc, 0xa1159a58, 0xcca92963, 0x99e1db33, 0xa62a4a56, 0x3f3125f9,
  0x5ef47e1c, 0x9029317c, 0xfdf8e802, 0x04272f70, 0x80bb155c, 0x05282ce3,
  0x95c11548, 0xe4c66d22, 0x48c1133f, 0xc70f86dc, 0x07f9c9ee, 0x41041f0f,
  0x404779a4, 0x5d886e17, 0x325f51eb, 0xd59bc0d1, 0xf2bcc18f, 0x41113564,
  0x257b7834, 0x602a9c60, 0xdff8e8a3, 0x1f636c1b, 0x0e12b4c2, 0x02e1329e,
  0xaf664fd1, 0xcad18115, 0x6b2395e0, 0x333e92e1, 0x3b240b62, 0xeebeb922,
  0x85b2a20e, 0xe6ba0d99, 0xde720c8c, 0x2da2f728, 0xd0127845, 0x95b794fd,
  0x647d0862, 0xe7ccf5f0, 0x5449a36f, 0x877d48fa, 0xc39dfd27, 0xf33e8d1e,
  0x0a476341, 0x992eff74, 0x3a6f6eab, 0xf4f8fd37, 0xa812dc60, 0xa1ebddf8,
  0x991be14c, 0xdb6e6b0d, 0xc67b5510, 0x6d672c37, 0x2765d43b, 0xdcd0e804,
  0xf1290dc7, 0xcc00ffa3, 0xb5390f92, 0x690fed0b, 0x667b9ffb, 0xcedb7d9c,
  0xa091cf0b, 0xd9155ea3, 0xbb132f88, 0x515bad24, 0x7b9479bf, 0x763bd6eb,
  0x37392eb3, 0xcc115979, 0x8026e297, 0xf42e312d, 0x6842ada7, 0xc66a2b3b,
  0x12754ccc, 0x782ef11c, 0x6a124237, 0xb79251e7, 0x06a1bbe6, 0x4bfb6350,
  0x1a6b1018, 0x11caedfa, 0x3d25bdd8, 0xe2e1c3c9, 0x44421659, 0x0a121386,
  0xd90cec6e, 0xd5abea2a, 0x64af674e, 0xda86a85f, 0xbebfe988, 0x64e4c3fe,
  0x9dbc8057, 0xf0f7c086, 0x60787bf8, 0x6003604d, 0xd1fd8346, 0xf6381fb0,
  0x7745ae04, 0xd736fccc, 0x83426b33, 0xf01eab71, 0xb0804187, 0x3c005e5f,
  0x77a057be, 0xbde8ae24, 0x55464299, 0xbf582e61, 0x4e58f48f, 0xf2ddfda2,
  0xf474ef38, 0x8789bdc2, 0x5366f9c3, 0xc8b38e74, 0xb475f255, 0x46fcd9b9,
  0x7aeb2661, 0x8b1ddf84, 0x846a0e79, 0x915f95e2, 0x466e598e, 0x20b45770,
  0x8cd55591, 0xc902de4c, 0xb90bace1, 0xbb8205d0, 0x11a86248, 0x7574a99e,
  0xb77f19b6, 0xe0a9dc09, 0x662d09a1, 0xc4324633, 0xe85a1f02, 0x09f0be8c,
  0x4a99a025, 0x1d6efe10, 0x1ab93d1d, 0x0ba5a4df, 0xa186f20f, 0x2868f169,
  0xdcb7da83, 0x573906fe, 0xa1e2ce9b, 0x4fcd7f52, 0x50115e01, 0xa70683fa,
  0xa002b5c4, 0x0de6d027, 0x9af88c27, 0x773f8641, 0xc3604c06, 0x61a806b5,
  0xf0177a28, 0xc0f586e0, 0x006058aa, 0x30dc7d62, 0x11e69ed7, 0x2338ea63,
  0x53c2dd94, 0xc2c21634, 0xbbcbee56, 0x90bcb6de, 0xebfc7da1, 0xce591d76,
  0x6f05e409, 0x4b7c0188, 0x39720a3d, 0x7c927c24, 0x86e3725f, 0x724d9db9,
  0x1ac15bb4, 0xd39eb8fc, 0xed545578, 0x08fca5b5, 0xd83d7cd3, 0x4dad0fc4,
  0x1e50ef5e, 0xb161e6f8, 0xa28514d9, 0x6c51133c, 0x6fd5c7e7, 0x56e14ec4,
  0x362abfce, 0xddc6c837, 0xd79a3234, 0x92638212, 0x670efa8e, 0x406000e0,
  0x3a39ce37, 0xd3faf5cf, 0xabc27737, 0x5ac52d1b, 0x5cb0679e, 0x4fa33742,
  0xd3822740, 0x99bc9bbe, 0xd5118e9d, 0xbf0f7315, 0xd62d1c7e, 0xc700c47b,
  0xb78c1b6b, 0x21a19045, 0xb26eb1be, 0x6a366eb4, 0x5748ab2f, 0xbc946e79,
  0xc6a376d2, 0x6549c2c8, 0x530ff8ee, 0x468dde7d, 0xd5730a1d, 0x4cd04dc6,
  0x2939bbdb, 0xa9ba4650, 0xac9526e8, 0xbe5ee304, 0xa1fad5f0, 0x6a2d519a,
  0x63ef8ce2, 0x9a86ee22, 0xc089c2b8, 0x43242ef6, 0xa51e03aa, 0x9cf2d0a4,
  0x83c061ba, 0x9be96a4d, 0x8fe51550, 0xba645bd6, 0x2826a2f9, 0xa73a3ae1,
  0x4ba99586, 0xef5562e9, 0xc72fefd3, 0xf752f7da, 0x3f046f69, 0x77fa0a59,
  0x80e4a915, 0x87b08601, 0x9b09e6ad, 0x3b3ee593, 0xe990fd5a, 0x9e34d797,
  0x2cf0b7d9, 0x022b8b51, 0x96d5ac3a, 0x017da67d, 0xd1cf3ed6, 0x7c7d2d28,
  0x1f9f25cf, 0xadf2b89b, 0x5ad6b472, 0x5a88f54c, 0xe029ac71, 0xe019a5e6,
  0x47b0acfd, 0xed93fa9b, 0xe8d3c48d, 0x283b57cc, 0xf8d56629, 0x79132e28,
  0x785f0191, 0xed756055, 0xf7960e44, 0xe3d35e8c, 0x15056dd4, 0x88f46dba,
  0x03a16125, 0x0564f0bd, 0xc3eb9e15, 0x3c9057a2, 0x97271aec, 0xa93a072a,
  0x1b3f6d9b, 0x1e6321f5, 0xf59c66fb, 0x26dcf319, 0x7533d928, 0xb155fdf5,
  0x03563482, 0x8aba3cbb, 0x28517711, 0xc20ad9f8, 0xabcc5167, 0xccad925f,
  0x4de81751, 0x3830dc8e, 0x379d5862, 0x9320f991, 0xea7a90c2, 0xfb3e7bce,
  0x5121ce64, 0x774fbe32, 0xa8b6e37e, 0xc3293d46, 0x48de5369, 0x6413e680,
  0xa2ae0810, 0xdd6db224, 0x69852dfd, 0x09072166, 0xb39a460a, 0x6445c0dd,
  0x586cdecf, 0x1c20c8ae, 0x5bbef7dd, 0x1b588d40, 0xccd2017f, 0x6bb4e3bb,
  0xdda26a7e, 0x3a59ff45, 0x3e350a44, 0xbcb4cdd5, 0x72eacea8, 0xfa6484bb,
  0x8d6612ae, 0xbf3c6f47, 0xd29be463, 0x542f5d9e, 0xaec2771b, 0xf64e6370,
  0x740e0d8d, 0xe75b1357, 0xf8721671, 0xaf537d5d, 0x4040cb08, 0x4eb4e2cc,
  0x34d2466a, 0x0115af84, 0xe1b00428, 0x95983a1d, 0x06b89fb4, 0xce6ea048,
  0x6f3f3b82, 0x3520ab82, 0x011a1d4b, 0x277227f8, 0x611560b1, 0xe7933fdc,
  0xbb3a792b, 0x344525bd, 0xa08839e1, 0x51ce794b, 0x2f32c9b7, 0xa01fbac9,
  0xe01cc87e, 0xbcc7d1f6, 0xcf0111c3, 0xa1e8aac7, 0x1a908749, 0xd44fbd9a,
  0xd0dadecb, 0xd50ada38, 0x0339c32a, 0xc6913667, 0x8df9317c, 0xe0b12b4f,
  0xf79e59b7, 0x43f5bb3a, 0xf2d519ff, 0x27d9459c, 0xbf97222c, 0x15e6fc2a,
  0x0f91fc71, 0x9b941525, 0xfae59361, 0xceb69ceb, 0xc2a86459, 0x12baa8d1,
  0xb6c1075e, 0xe3056a0c, 0x10d25065, 0xcb03a442, 0xe0ec6e0e, 0x1698db3b,
  0x4c98a0be, 0x3278e964, 0x9f1f9532, 0xe0d392df, 0xd3a0342b, 0x8971f21e,
  0x1b0a7441, 0x4ba3348c, 0xc5be7120, 0xc37632d8, 0xdf359f8d, 0x9b992f2e,
  0xe60b6f47, 0x0fe3f11d, 0xe54cda54, 0x1edad891, 0xce6279cf, 0xcd3e7e6f,
  0x1618b166, 0xfd2c1d05, 0x848fd2c5, 0xf6fb2299, 0xf523f357, 0xa6327623,
  0x93a83531, 0x56cccd02, 0xacf08162, 0x5a75ebb5, 0x6e163697, 0x88d273cc,
  0xde966292, 0x81b949d0, 0x4c50901b, 0x71c65614, 0xe6c6c7bd, 0x327a140a,
  0x45e1d006, 0xc3f27b9a, 0xc9aa53fd, 0x62a80f00, 0xbb25bfe2, 0x35bdd2f6,
  0x71126905, 0xb2040222, 0xb6cbcf7c, 0xcd769c2b, 0x53113ec0, 0x1640e3d3,
  0x38abbd60, 0x2547adf0, 0xba38209c, 0xf746ce76, 0x77afa1c5, 0x20756060,
  0x85cbfe4e, 0x8ae88dd8, 0x7aaaf9b0, 0x4cf9aa7e, 0x1948c25c, 0x02fb8a8c,
  0x01c36ae4, 0xd6ebe1f9, 0x90d4f869, 0xa65cdea0, 0x3f09252d, 0xc208e69f,
  0xb74e6132, 0xce77e25b, 0x578fdfe3, 0x3ac372e6,
];

/**
 * @type {Array.<number>}
 * @const
 * @inner
 */
var C_ORIG = [
  0x4f727068, 0x65616e42, 0x65686f6c, 0x64657253, 0x63727944, 0x6f756274,
];

/**
 * @param {Array.<number>} lr
 * @param {number} off
 * @param {Array.<number>} P
 * @param {Array.<number>} S
 * @returns {Array.<number>}
 * @inner
 */
function _encipher(lr, off, P, S) {
  // This is our bottleneck: 1714/1905 ticks / 90% - see profile.txt
  var n,
    l = lr[off],
    r = lr[off + 1];

  l ^= P[0];

  /*
    for (var i=0, k=BLOWFISH_NUM_ROUNDS-2; i<=k;)
        // Feistel substitution on left word
        n  = S[l >>> 24],
        n += S[0x100 | ((l >> 16) & 0xff)],
        n ^= S[0x200 | ((l >> 8) & 0xff)],
        n += S[0x300 | (l & 0xff)],
        r ^= n ^ P[++i],
        // Feistel substitution on right word
        n  = S[r >>> 24],
        n += S[0x100 | ((r >> 16) & 0xff)],
        n ^= S[0x200 | ((r >> 8) & 0xff)],
        n += S[0x300 | (r & 0xff)],
        l ^= n ^ P[++i];
    */

  //The following is an unrolled version of the above loop.
  //Iteration 0
  n = S[l >>> 24];
  n += S[0x100 | ((l >> 16) & 0xff)];
  n ^= S[0x200 | ((l >> 8) & 0xff)];
  n += S[0x300 | (l & 0xff)];
  r ^= n ^ P[1];
  n = S[r >>> 24];
  n += S[0x100 | ((r >> 16) & 0xff)];
  n ^= S[0x200 | ((r >> 8) & 0xff)];
  n += S[0x300 | (r & 0xff)];
  l ^= n ^ P[2];
  //Iteration 1
  n = S[l >>> 24];
  n += S[0x100 | ((l >> 16) & 0xff)];
  n ^= S[0x200 | ((l >> 8) & 0xff)];
  n += S[0x300 | (l & 0xff)];
  r ^= n ^ P[3];
  n = S[r >>> 24];
  n += S[0x100 | ((r >> 16) & 0xff)];
  n ^= S[0x200 | ((r >> 8) & 0xff)];
  n += S[0x300 | (r & 0xff)];
  l ^= n ^ P[4];
  //Iteration 2
  n = S[l >>> 24];
  n += S[0x100 | ((l >> 16) & 0xff)];
  n ^= S[0x200 | ((l >> 8) & 0xff)];
  n += S[0x300 | (l & 0xff)];
  r ^= n ^ P[5];
  n = S[r >>> 24];
  n += S[0x100 | ((r >> 16) & 0xff)];
  n ^= S[0x200 | ((r >> 8) & 0xff)];
  n += S[0x300 | (r & 0xff)];
  l ^= n ^ P[6];
  //Iteration 3
  n = S[l >>> 24];
  n += S[0x100 | ((l >> 16) & 0xff)];
  n ^= S[0x200 | ((l >> 8) & 0xff)];
  n += S[0x300 | (l & 0xff)];
  r ^= n ^ P[7];
  n = S[r >>> 24];
  n += S[0x100 | ((r >> 16) & 0xff)];
  n ^= S[0x200 | ((r >> 8) & 0xff)];
  n += S[0x300 | (r & 0xff)];
  l ^= n ^ P[8];
  //Iteration 4
  n = S[l >>> 24];
  n += S[0x100 | ((l >> 16) & 0xff)];
  n ^= S[0x200 | ((l >> 8) & 0xff)];
  n += S[0x300 | (l & 0xff)];
  r ^= n ^ P[9];
  n = S[r >>> 24];
  n += S[0x100 | ((r >> 16) & 0xff)];
  n ^= S[0x200 | ((r >> 8) & 0xff)];
  n += S[0x300 | (r & 0xff)];
  l ^= n ^ P[10];
  //Iteration 5
  n = S[l >>> 24];
  n += S[0x100 | ((l >> 16) & 0xff)];
  n ^= S[0x200 | ((l >> 8) & 0xff)];
  n += S[0x300 | (l & 0xff)];
  r ^= n ^ P[11];
  n = S[r >>> 24];
  n += S[0x100 | ((r >> 16) & 0xff)];
  n ^= S[0x200 | ((r >> 8) & 0xff)];
  n += S[0x300 | (r & 0xff)];
  l ^= n ^ P[12];
  //Iteration 6
  n = S[l >>> 24];
  n += S[0x100 | ((l >> 16) & 0xff)];
  n ^= S[0x200 | ((l >> 8) & 0xff)];
  n += S[0x300 | (l & 0xff)];
  r ^= n ^ P[13];
  n = S[r >>> 24];
  n += S[0x100 | ((r >> 16) & 0xff)];
  n ^= S[0x200 | ((r >> 8) & 0xff)];
  n += S[0x300 | (r & 0xff)];
  l ^= n ^ P[14];
  //Iteration 7
  n = S[l >>> 24];
  n += S[0x100 | ((l >> 16) & 0xff)];
  n ^= S[0x200 | ((l >> 8) & 0xff)];
  n += S[0x300 | (l & 0xff)];
  r ^= n ^ P[15];
  n = S[r >>> 24];
  n += S[0x100 | ((r >> 16) & 0xff)];
  n ^= S[0x200 | ((r >> 8) & 0xff)];
  n += S[0x300 | (r & 0xff)];
  l ^= n ^ P[16];

  lr[off] = r ^ P[BLOWFISH_NUM_ROUNDS + 1];
  lr[off + 1] = l;
  return lr;
}

/**
 * @param {Array.<number>} data
 * @param {number} offp
 * @returns {{key: number, offp: number}}
 * @inner
 */
function _streamtoword(data, offp) {
  for (var i = 0, word = 0; i < 4; ++i)
    (word = (word << 8) | (data[offp] & 0xff)),
      (offp = (offp + 1) % data.length);
  return { key: word, offp: offp };
}

/**
 * @param {Array.<number>} key
 * @param {Array.<number>} P
 * @param {Array.<number>} S
 * @inner
 */
function _key(key, P, S) {
  var offset = 0,
    lr = [0, 0],
    plen = P.length,
    slen = S.length,
    sw;
  for (var i = 0; i < plen; i++)
    (sw = _streamtoword(key, offset)),
      (offset = sw.offp),
      (P[i] = P[i] ^ sw.key);
  for (i = 0; i < plen; i += 2)
    (lr = _encipher(lr, 0, P, S)), (P[i] = lr[0]), (P[i + 1] = lr[1]);
  for (i = 0; i < slen; i += 2)
    (lr = _encipher(lr, 0, P, S)), (S[i] = lr[0]), (S[i + 1] = lr[1]);
}

/**
 * Expensive key schedule Blowfish.
 * @param {Array.<number>} data
 * @param {Array.<number>} key
 * @param {Array.<number>} P
 * @param {Array.<number>} S
 * @inner
 */
function _ekskey(data, key, P, S) {
  var offp = 0,
    lr = [0, 0],
    plen = P.length,
    slen = S.length,
    sw;
  for (var i = 0; i < plen; i++)
    (sw = _streamtoword(key, offp)), (offp = sw.offp), (P[i] = P[i] ^ sw.key);
  offp = 0;
  for (i = 0; i < plen; i += 2)
    (sw = _streamtoword(data, offp)),
      (offp = sw.offp),
      (lr[0] ^= sw.key),
      (sw = _streamtoword(data, offp)),
      (offp = sw.offp),
      (lr[1] ^= sw.key),
      (lr = _encipher(lr, 0, P, S)),
      (P[i] = lr[0]),
      (P[i + 1] = lr[1]);
  for (i = 0; i < slen; i += 2)
    (sw = _streamtoword(data, offp)),
      (offp = sw.offp),
      (lr[0] ^= sw.key),
      (sw = _streamtoword(data, offp)),
      (offp = sw.offp),
      (lr[1] ^= sw.key),
      (lr = _encipher(lr, 0, P, S)),
      (S[i] = lr[0]),
      (S[i + 1] = lr[1]);
}

/**
 * Internaly crypts a string.
 * @param {Array.<number>} b Bytes to crypt
 * @param {Array.<number>} salt Salt bytes to use
 * @param {number} rounds Number of rounds
 * @param {function(Error, Array.<number>=)=} callback Callback receiving the error, if any, and the resulting bytes. If
 *  omitted, the operation will be performed synchronously.
 *  @param {function(number)=} progressCallback Callback called with the current progress
 * @returns {!Array.<number>|undefined} Resulting bytes if callback has been omitted, otherwise `undefined`
 * @inner
 */
function _crypt(b, salt, rounds, callback, progressCallback) {
  var cdata = C_ORIG.slice(),
    clen = cdata.length,
    err;

  // Validate
  if (rounds < 4 || rounds > 31) {
    err = Error("Illegal number of rounds (4-31): " + rounds);
    if (callback) {
      nextTick(callback.bind(this, err));
      return;
    } else throw err;
  }
  if (salt.length !== BCRYPT_SALT_LEN) {
    err = Error(
      "Illegal salt length: " + salt.length + " != " + BCRYPT_SALT_LEN,
    );
    if (callback) {
      nextTick(callback.bind(this, err));
      return;
    } else throw err;
  }
  rounds = (1 << rounds) >>> 0;

  var P,
    S,
    i = 0,
    j;

  //Use typed arrays when available - huge speedup!
  if (typeof Int32Array === "function") {
    P = new Int32Array(P_ORIG);
    S = new Int32Array(S_ORIG);
  } else {
    P = P_ORIG.slice();
    S = S_ORIG.slice();
  }

  _ekskey(salt, b, P, S);

  /**
   * Calcualtes the next round.
   * @returns {Array.<number>|undefined} Resulting array if callback has been omitted, otherwise `undefined`
   * @inner
   */
  function next() {
    if (progressCallback) progressCallback(i / rounds);
    if (i < rounds) {
      var start = Date.now();
      for (; i < rounds; ) {
        i = i + 1;
        _key(b, P, S);
        _key(salt, P, S);
        if (Date.now() - start > MAX_EXECUTION_TIME) break;
      }
    } else {
      for (i = 0; i < 64; i++)
        for (j = 0; j < clen >> 1; j++) _encipher(cdata, j << 1, P, S);
      var ret = [];
      for (i = 0; i < clen; i++)
        ret.push(((cdata[i] >> 24) & 0xff) >>> 0),
          ret.push(((cdata[i] >> 16) & 0xff) >>> 0),
          ret.push(((cdata[i] >> 8) & 0xff) >>> 0),
          ret.push((cdata[i] & 0xff) >>> 0);
      if (callback) {
        callback(null, ret);
        return;
      } else return ret;
    }
    if (callback) nextTick(next);
  }

  // Async
  if (typeof callback !== "undefined") {
    next();

    // Sync
  } else {
    var res;
    while (true) if (typeof (res = next()) !== "undefined") return res || [];
  }
}

/**
 * Internally hashes a password.
 * @param {string} password Password to hash
 * @param {?string} salt Salt to use, actually never null
 * @param {function(Error, string=)=} callback Callback receiving the error, if any, and the resulting hash. If omitted,
 *  hashing is performed synchronously.
 *  @param {function(number)=} progressCallback Callback called with the current progress
 * @returns {string|undefined} Resulting hash if callback has been omitted, otherwise `undefined`
 * @inner
 */
function _hash(password, salt, callback, progressCallback) {
  var err;
  if (typeof password !== "string" || typeof salt !== "string") {
    err = Error("Invalid string / salt: Not a string");
    if (callback) {
      nextTick(callback.bind(this, err));
      return;
    } else throw err;
  }

  // Validate the salt
  var minor, offset;
  if (salt.charAt(0) !== "$" || salt.charAt(1) !== "2") {
    err = Error("Invalid salt version: " + salt.substring(0, 2));
    if (callback) {
      nextTick(callback.bind(this, err));
      return;
    } else throw err;
  }
  if (salt.charAt(2) === "$") (minor = String.fromCharCode(0)), (offset = 3);
  else {
    minor = salt.charAt(2);
    if (
      (minor !== "a" && minor !== "b" && minor !== "y") ||
      salt.charAt(3) !== "$"
    ) {
      err = Error("Invalid salt revision: " + salt.substring(2, 4));
      if (callback) {
        nextTick(callback.bind(this, err));
        return;
      } else throw err;
    }
    offset = 4;
  }

  // Extract number of rounds
  if (salt.charAt(offset + 2) > "$") {
    err = Error("Missing salt rounds");
    if (callback) {
      nextTick(callback.bind(this, err));
      return;
    } else throw err;
  }
  var r1 = parseInt(salt.substring(offset, offset + 1), 10) * 10,
    r2 = parseInt(salt.substring(offset + 1, offset + 2), 10),
    rounds = r1 + r2,
    real_salt = salt.substring(offset + 3, offset + 25);
  password += minor >= "a" ? "\x00" : "";

  var passwordb = utf8Array(password),
    saltb = base64_decode(real_salt, BCRYPT_SALT_LEN);

  /**
   * Finishes hashing.
   * @param {Array.<number>} bytes Byte array
   * @returns {string}
   * @inner
   */
  function finish(bytes) {
    var res = [];
    res.push("$2");
    if (minor >= "a") res.push(minor);
    res.push("$");
    if (rounds < 10) res.push("0");
    res.push(rounds.toString());
    res.push("$");
    res.push(base64_encode(saltb, saltb.length));
    res.push(base64_encode(bytes, C_ORIG.length * 4 - 1));
    return res.join("");
  }

  // Sync
  if (typeof callback == "undefined")
    return finish(_crypt(passwordb, saltb, rounds));
  // Async
  else {
    _crypt(
      passwordb,
      saltb,
      rounds,
      function (err, bytes) {
        if (err) callback(err, null);
        else callback(null, finish(bytes));
      },
      progressCallback,
    );
  }
}

/**
 * Encodes a byte array to base64 with up to len bytes of input, using the custom bcrypt alphabet.
 * @function
 * @param {!Array.<number>} bytes Byte array
 * @param {number} length Maximum input length
 * @returns {string}
 */
function encodeBase64(bytes, length) {
  return base64_encode(bytes, length);
}

/**
 * Decodes a base64 encoded string to up to len bytes of output, using the custom bcrypt alphabet.
 * @function
 * @param {string} string String to decode
 * @param {number} length Maximum output length
 * @returns {!Array.<number>}
 */
function decodeBase64(string, length) {
  return base64_decode(string, length);
}

/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = ({
  setRandomFallback,
  genSaltSync,
  genSalt,
  hashSync,
  hash,
  compareSync,
  compare,
  getRounds,
  getSalt,
  truncates,
  encodeBase64,
  decodeBase64,
});


/***/ }),

/***/ 56070:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  qg: () => (/* binding */ parse)
});

// UNUSED EXPORTS: CsvError, Parser, normalize_options

// EXTERNAL MODULE: external "stream"
var external_stream_ = __webpack_require__(2203);
;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/is_object.js
const is_object = function (obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/CsvError.js
class CsvError extends Error {
  constructor(code, message, options, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ").trim();
    super(message);
    if (Error.captureStackTrace !== undefined) {
      Error.captureStackTrace(this, CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value)
          ? value.toString(options.encoding)
          : value == null
            ? value
            : JSON.parse(JSON.stringify(value));
      }
    }
  }
}



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/normalize_columns_array.js



const normalize_columns_array = function (columns) {
  const normalizedColumns = [];
  for (let i = 0, l = columns.length; i < l; i++) {
    const column = columns[i];
    if (column === undefined || column === null || column === false) {
      normalizedColumns[i] = { disabled: true };
    } else if (typeof column === "string" || typeof column === "number") {
      normalizedColumns[i] = { name: `${column}` };
    } else if (is_object(column)) {
      if (typeof column.name !== "string") {
        throw new CsvError("CSV_OPTION_COLUMNS_MISSING_NAME", [
          "Option columns missing name:",
          `property "name" is required at position ${i}`,
          "when column is an object literal",
        ]);
      }
      normalizedColumns[i] = column;
    } else {
      throw new CsvError("CSV_INVALID_COLUMN_DEFINITION", [
        "Invalid column definition:",
        "expect a string or a literal object,",
        `got ${JSON.stringify(column)} at position ${i}`,
      ]);
    }
  }
  return normalizedColumns;
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/ResizeableBuffer.js
class ResizeableBuffer {
  constructor(size = 100) {
    this.size = size;
    this.length = 0;
    this.buf = Buffer.allocUnsafe(size);
  }
  prepend(val) {
    if (Buffer.isBuffer(val)) {
      const length = this.length + val.length;
      if (length >= this.size) {
        this.resize();
        if (length >= this.size) {
          throw Error("INVALID_BUFFER_STATE");
        }
      }
      const buf = this.buf;
      this.buf = Buffer.allocUnsafe(this.size);
      val.copy(this.buf, 0);
      buf.copy(this.buf, val.length);
      this.length += val.length;
    } else {
      const length = this.length++;
      if (length === this.size) {
        this.resize();
      }
      const buf = this.clone();
      this.buf[0] = val;
      buf.copy(this.buf, 1, 0, length);
    }
  }
  append(val) {
    const length = this.length++;
    if (length === this.size) {
      this.resize();
    }
    this.buf[length] = val;
  }
  clone() {
    return Buffer.from(this.buf.slice(0, this.length));
  }
  resize() {
    const length = this.length;
    this.size = this.size * 2;
    const buf = Buffer.allocUnsafe(this.size);
    this.buf.copy(buf, 0, 0, length);
    this.buf = buf;
  }
  toString(encoding) {
    if (encoding) {
      return this.buf.toString(encoding, 0, this.length);
    } else {
      return Uint8Array.prototype.slice.call(this.buf.slice(0, this.length));
    }
  }
  toJSON() {
    return this.toString("utf8");
  }
  reset() {
    this.length = 0;
  }
}

/* harmony default export */ const utils_ResizeableBuffer = (ResizeableBuffer);

;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/init_state.js


const init_state = function (options) {
  // ECMAScript WhiteSpace + LineTerminator codepoints, encoded under
  // `options.encoding`. Aligns trimming with `String.prototype.trim()`.
  // https://tc39.es/ecma262/#sec-white-space
  // https://tc39.es/ecma262/#sec-line-terminators
  //
  // Codepoints unrepresentable in the target encoding are dropped: Node's
  // Buffer substitutes them with `?` (0x3F), and including those would cause
  // literal `?` bytes in the input to be trimmed under `latin1`/`ascii`.
  const timchars = [
    // Basic Latin
    0x0020, // [Space](https://www.fileformat.info/info/unicode/char/0020/index.htm)
    0x0009, // [CHARACTER TABULATION (HT)](https://www.fileformat.info/info/unicode/char/0009/index.htm)
    0x000a, // [LINE FEED (LF)](https://www.fileformat.info/info/unicode/char/000a/index.htm)
    0x000d, // [CARRIAGE RETURN (CR)](https://www.fileformat.info/info/unicode/char/000d/index.htm)
    0x000c, // [FORM FEED (FF)](https://www.fileformat.info/info/unicode/char/000c/index.htm)
    0x000b, // [LINE TABULATION (VT)](https://www.fileformat.info/info/unicode/char/000b/index.htm)
    // Latin-1 Supplement
    0x00a0, // [NO-BREAK SPACE (NBSP)](https://www.fileformat.info/info/unicode/char/00a0/index.htm)
    // Ogham
    0x1680, // [OGHAM SPACE MARK](https://www.fileformat.info/info/unicode/char/1680/index.htm)
    // General Punctuation
    0x2000, // [EN QUAD](https://www.fileformat.info/info/unicode/char/2000/index.htm)
    0x2001, // [EM QUAD](https://www.fileformat.info/info/unicode/char/2001/index.htm)
    0x2002, // [EN SPACE](https://www.fileformat.info/info/unicode/char/2002/index.htm)
    0x2003, // [EM SPACE](https://www.fileformat.info/info/unicode/char/2003/index.htm)
    0x2004, // [THREE-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2004/index.htm)
    0x2005, // [FOUR-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2005/index.htm)
    0x2006, // [SIX-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2006/index.htm)
    0x2007, // [FIGURE SPACE](https://www.fileformat.info/info/unicode/char/2007/index.htm)
    0x2008, // [PUNCTUATION SPACE](https://www.fileformat.info/info/unicode/char/2008/index.htm)
    0x2009, // [THIN SPACE](https://www.fileformat.info/info/unicode/char/2009/index.htm)
    0x200a, // [HAIR SPACE](https://www.fileformat.info/info/unicode/char/200a/index.htm)
    0x2028, // [LINE SEPARATOR](https://www.fileformat.info/info/unicode/char/2028/index.htm)
    0x2029, // [PARAGRAPH SEPARATOR](https://www.fileformat.info/info/unicode/char/2029/index.htm)
    0x202f, // [NARROW NO-BREAK SPACE (NNBSP)](https://www.fileformat.info/info/unicode/char/202f/index.htm)
    0x205f, // [MEDIUM MATHEMATICAL SPACE (MMSP)](https://www.fileformat.info/info/unicode/char/205f/index.htm)
    0x3000, // [IDEOGRAPHIC SPACE](https://www.fileformat.info/info/unicode/char/3000/index.htm)
    0xfeff, // [ZERO WIDTH NO-BREAK SPACE (BOM)](https://www.fileformat.info/info/unicode/char/feff/index.htm)
  ].reduce((acc, codepoint) => {
    const encoded = Buffer.from(
      String.fromCharCode(codepoint),
      options.encoding,
    );
    if (codepoint !== 0x3f && encoded.length === 1 && encoded[0] === 0x3f) {
      return acc;
    }
    acc.push(encoded);
    return acc;
  }, []);
  // First-byte lookup table for `__isCharTrimable`. Non-whitespace bytes
  // (the common case) bail out in O(1) without scanning every timchar.
  const timcharFirstBytes = new Uint8Array(256);
  for (const t of timchars) timcharFirstBytes[t[0]] = 1;
  return {
    bomSkipped: false,
    bufBytesStart: 0,
    castField: options.cast_function,
    commenting: false,
    delimiterBufPrevious: undefined,
    delimiterDiscovered: false,
    // Current error encountered by a record
    error: undefined,
    enabled: options.from_line === 1,
    escaping: false,
    escapeIsQuote:
      Buffer.isBuffer(options.escape) &&
      Buffer.isBuffer(options.quote) &&
      Buffer.compare(options.escape, options.quote) === 0,
    // columns can be `false`, `true`, `Array`
    expectedRecordLength: Array.isArray(options.columns)
      ? options.columns.length
      : undefined,
    field: new utils_ResizeableBuffer(20),
    firstLineToHeaders: options.cast_first_line_to_header,
    needMoreDataSize: Math.max(
      // Skip if the remaining buffer smaller than comment
      options.comment !== null ? options.comment.length : 0,
      // Skip if the remaining buffer can be delimiter
      ...(options.delimiter
        ? options.delimiter.map((delimiter) => delimiter.length)
        : []),
      // Auto discovery of delimiter is limited to 1 character
      options.delimiter_auto ? 1 : 0,
      // Skip if the remaining buffer can be escape sequence
      options.quote !== null ? options.quote.length : 0,
      // Skip if the remaining buffer can be a multi-byte trim character
      ...timchars.map((t) => t.length),
    ),
    previousBuf: undefined,
    quoting: false,
    stop: false,
    rawBuffer: new utils_ResizeableBuffer(100),
    record: [],
    recordHasError: false,
    record_length: 0,
    recordDelimiterMaxLength:
      options.record_delimiter.length === 0
        ? 0
        : Math.max(...options.record_delimiter.map((v) => v.length)),
    trimChars: [
      Buffer.from(" ", options.encoding)[0],
      Buffer.from("\t", options.encoding)[0],
    ],
    wasQuoting: false,
    wasRowDelimiter: false,
    timchars: timchars,
    timcharFirstBytes: timcharFirstBytes,
  };
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/underscore.js
const underscore = function (str) {
  return str.replace(/([A-Z])/g, function (_, match) {
    return "_" + match.toLowerCase();
  });
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/normalize_options.js





const normalize_options = function (opts) {
  const options = {};
  // Merge with user options
  for (const opt in opts) {
    options[underscore(opt)] = opts[opt];
  }
  // Normalize option `encoding`
  // Note: defined first because other options depends on it
  // to convert chars/strings into buffers.
  if (options.encoding === undefined || options.encoding === true) {
    options.encoding = "utf8";
  } else if (options.encoding === null || options.encoding === false) {
    options.encoding = null;
  } else if (
    typeof options.encoding !== "string" &&
    options.encoding !== null
  ) {
    throw new CsvError(
      "CSV_INVALID_OPTION_ENCODING",
      [
        "Invalid option encoding:",
        "encoding must be a string or null to return a buffer,",
        `got ${JSON.stringify(options.encoding)}`,
      ],
      options,
    );
  }
  // Normalize option `bom`
  if (
    options.bom === undefined ||
    options.bom === null ||
    options.bom === false
  ) {
    options.bom = false;
  } else if (options.bom !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_BOM",
      [
        "Invalid option bom:",
        "bom must be true,",
        `got ${JSON.stringify(options.bom)}`,
      ],
      options,
    );
  }
  // Normalize option `cast`
  options.cast_function = null;
  if (
    options.cast === undefined ||
    options.cast === null ||
    options.cast === false ||
    options.cast === ""
  ) {
    options.cast = undefined;
  } else if (typeof options.cast === "function") {
    options.cast_function = options.cast;
    options.cast = true;
  } else if (options.cast !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST",
      [
        "Invalid option cast:",
        "cast must be true or a function,",
        `got ${JSON.stringify(options.cast)}`,
      ],
      options,
    );
  }
  // Normalize option `cast_date`
  if (
    options.cast_date === undefined ||
    options.cast_date === null ||
    options.cast_date === false ||
    options.cast_date === ""
  ) {
    options.cast_date = false;
  } else if (options.cast_date === true) {
    options.cast_date = function (value) {
      const date = Date.parse(value);
      return !isNaN(date) ? new Date(date) : value;
    };
  } else if (typeof options.cast_date !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST_DATE",
      [
        "Invalid option cast_date:",
        "cast_date must be true or a function,",
        `got ${JSON.stringify(options.cast_date)}`,
      ],
      options,
    );
  }
  // Normalize option `columns`
  options.cast_first_line_to_header = undefined;
  if (options.columns === true) {
    // Fields in the first line are converted as-is to columns
    options.cast_first_line_to_header = undefined;
  } else if (typeof options.columns === "function") {
    options.cast_first_line_to_header = options.columns;
    options.columns = true;
  } else if (Array.isArray(options.columns)) {
    options.columns = normalize_columns_array(options.columns);
  } else if (
    options.columns === undefined ||
    options.columns === null ||
    options.columns === false
  ) {
    options.columns = false;
  } else {
    throw new CsvError(
      "CSV_INVALID_OPTION_COLUMNS",
      [
        "Invalid option columns:",
        "expect an array, a function or true,",
        `got ${JSON.stringify(options.columns)}`,
      ],
      options,
    );
  }
  // Normalize option `group_columns_by_name`
  if (
    options.group_columns_by_name === undefined ||
    options.group_columns_by_name === null ||
    options.group_columns_by_name === false
  ) {
    options.group_columns_by_name = false;
  } else if (options.group_columns_by_name !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "expect an boolean,",
        `got ${JSON.stringify(options.group_columns_by_name)}`,
      ],
      options,
    );
  } else if (options.columns === false) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "the `columns` mode must be activated.",
      ],
      options,
    );
  }
  // Normalize option `comment`
  if (
    options.comment === undefined ||
    options.comment === null ||
    options.comment === false ||
    options.comment === ""
  ) {
    options.comment = null;
  } else {
    if (typeof options.comment === "string") {
      options.comment = Buffer.from(options.comment, options.encoding);
    }
    if (!Buffer.isBuffer(options.comment)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_COMMENT",
        [
          "Invalid option comment:",
          "comment must be a buffer or a string,",
          `got ${JSON.stringify(options.comment)}`,
        ],
        options,
      );
    }
  }
  // Normalize option `comment_no_infix`
  if (
    options.comment_no_infix === undefined ||
    options.comment_no_infix === null ||
    options.comment_no_infix === false
  ) {
    options.comment_no_infix = false;
  } else if (options.comment_no_infix !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_COMMENT",
      [
        "Invalid option comment_no_infix:",
        "value must be a boolean,",
        `got ${JSON.stringify(options.comment_no_infix)}`,
      ],
      options,
    );
  }
  // Normalize option `delimiter_auto`
  if (
    options.delimiter_auto === undefined ||
    options.delimiter_auto === null ||
    options.delimiter_auto === false
  ) {
    options.delimiter_auto = false;
  } else if (options.delimiter_auto === true) {
    options.delimiter_auto = {};
  } else if (!is_object(options.delimiter_auto)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_DELIMITER_AUTO",
      [
        "Invalid option delimiter_auto:",
        "delimiter_auto must be a boolean or a configuration object,",
        `got ${JSON.stringify(options.delimiter_auto)}`,
      ],
      options,
    );
  }
  if (options.delimiter_auto) {
    if (options.delimiter_auto.preferred === undefined)
      options.delimiter_auto.preferred = {
        [",".charCodeAt(0)]: 1.8,
        ["\t".charCodeAt(0)]: 1.8,
        [";".charCodeAt(0)]: 1.6,
        [" ".charCodeAt(0)]: 1.6,
        [":".charCodeAt(0)]: 1.5,
        [".".charCodeAt(0)]: 1.4,
        ["/".charCodeAt(0)]: 1.4,
      };
    else if (!is_object(options.delimiter_auto.preferred)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "preferred must be an object,",
          `got ${JSON.stringify(options.delimiter_auto.preferred)}`,
        ],
        options,
      );
    }
    if (options.delimiter_auto.score === undefined)
      options.delimiter_auto.score = (info, options) => {
        return (
          (info.total - info.std) * (options.preferred[info.char_code] || 1)
        );
      };
    else if (typeof options.delimiter_auto.score !== "function") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "score must be a function,",
          `got ${JSON.stringify(options.delimiter_auto.score)}`,
        ],
        options,
      );
    }
    if (options.delimiter_auto.size === undefined)
      options.delimiter_auto.size = 2048;
    else if (typeof options.delimiter_auto.size !== "number") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "size must be a number,",
          `got ${JSON.stringify(options.delimiter_auto.size)}`,
        ],
        options,
      );
    }
  }
  // Normalize option `delimiter`
  const delimiter_json = JSON.stringify(options.delimiter);
  if (options.delimiter_auto !== false) {
    options.delimiter = [];
  }
  if (!Array.isArray(options.delimiter)) {
    if (
      options.delimiter === undefined ||
      options.delimiter === null ||
      options.delimiter === false
    ) {
      options.delimiter = Buffer.from(",", options.encoding);
    }
    options.delimiter = [options.delimiter];
  }
  options.delimiter = options.delimiter.map(function (delimiter) {
    if (typeof delimiter === "string") {
      delimiter = Buffer.from(delimiter, options.encoding);
    }
    if (!Buffer.isBuffer(delimiter) || delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER",
        [
          "Invalid option delimiter:",
          "delimiter must be a non empty string or buffer or array of string|buffer,",
          `got ${delimiter_json}`,
        ],
        options,
      );
    }
    return delimiter;
  });
  // Normalize option `escape`
  if (options.escape === undefined || options.escape === true) {
    options.escape = Buffer.from('"', options.encoding);
  } else if (typeof options.escape === "string") {
    options.escape = Buffer.from(options.escape, options.encoding);
  } else if (options.escape === null || options.escape === false) {
    options.escape = null;
  }
  if (options.escape !== null) {
    if (!Buffer.isBuffer(options.escape)) {
      throw new Error(
        `Invalid Option: escape must be a buffer, a string or a boolean, got ${JSON.stringify(options.escape)}`,
      );
    }
  }
  // Normalize option `from`
  if (options.from === undefined || options.from === null) {
    options.from = 1;
  } else {
    if (typeof options.from === "string" && /\d+/.test(options.from)) {
      options.from = parseInt(options.from);
    }
    if (Number.isInteger(options.from)) {
      if (options.from < 0) {
        throw new Error(
          `Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`,
      );
    }
  }
  // Normalize option `from_line`
  if (options.from_line === undefined || options.from_line === null) {
    options.from_line = 1;
  } else {
    if (
      typeof options.from_line === "string" &&
      /\d+/.test(options.from_line)
    ) {
      options.from_line = parseInt(options.from_line);
    }
    if (Number.isInteger(options.from_line)) {
      if (options.from_line <= 0) {
        throw new Error(
          `Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from_line must be an integer, got ${JSON.stringify(opts.from_line)}`,
      );
    }
  }
  // Normalize options `ignore_last_delimiters`
  if (
    options.ignore_last_delimiters === undefined ||
    options.ignore_last_delimiters === null
  ) {
    options.ignore_last_delimiters = false;
  } else if (typeof options.ignore_last_delimiters === "number") {
    options.ignore_last_delimiters = Math.floor(options.ignore_last_delimiters);
    if (options.ignore_last_delimiters === 0) {
      options.ignore_last_delimiters = false;
    }
  } else if (typeof options.ignore_last_delimiters !== "boolean") {
    throw new CsvError(
      "CSV_INVALID_OPTION_IGNORE_LAST_DELIMITERS",
      [
        "Invalid option `ignore_last_delimiters`:",
        "the value must be a boolean value or an integer,",
        `got ${JSON.stringify(options.ignore_last_delimiters)}`,
      ],
      options,
    );
  }
  if (options.ignore_last_delimiters === true && options.columns === false) {
    throw new CsvError(
      "CSV_IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS",
      [
        "The option `ignore_last_delimiters`",
        "requires the activation of the `columns` option",
      ],
      options,
    );
  }
  // Normalize option `info`
  if (
    options.info === undefined ||
    options.info === null ||
    options.info === false
  ) {
    options.info = false;
  } else if (options.info !== true) {
    throw new Error(
      `Invalid Option: info must be true, got ${JSON.stringify(options.info)}`,
    );
  }
  // Normalize option `max_record_size`
  if (
    options.max_record_size === undefined ||
    options.max_record_size === null ||
    options.max_record_size === false
  ) {
    options.max_record_size = 0;
  } else if (
    Number.isInteger(options.max_record_size) &&
    options.max_record_size >= 0
  ) {
    // Great, nothing to do
  } else if (
    typeof options.max_record_size === "string" &&
    /\d+/.test(options.max_record_size)
  ) {
    options.max_record_size = parseInt(options.max_record_size);
  } else {
    throw new Error(
      `Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`,
    );
  }
  // Normalize option `objname`
  if (
    options.objname === undefined ||
    options.objname === null ||
    options.objname === false
  ) {
    options.objname = undefined;
  } else if (Buffer.isBuffer(options.objname)) {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty buffer`);
    }
    if (options.encoding === null) {
      // Don't call `toString`, leave objname as a buffer
    } else {
      options.objname = options.objname.toString(options.encoding);
    }
  } else if (typeof options.objname === "string") {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty string`);
    }
    // Great, nothing to do
  } else if (typeof options.objname === "number") {
    // if(options.objname.length === 0){
    //   throw new Error(`Invalid Option: objname must be a non empty string`);
    // }
    // Great, nothing to do
  } else {
    throw new Error(
      `Invalid Option: objname must be a string or a buffer, got ${options.objname}`,
    );
  }
  if (options.objname !== undefined) {
    if (typeof options.objname === "number") {
      if (options.columns !== false) {
        throw Error(
          "Invalid Option: objname index cannot be combined with columns or be defined as a field",
        );
      }
    } else {
      // A string or a buffer
      if (options.columns === false) {
        throw Error(
          "Invalid Option: objname field must be combined with columns or be defined as an index",
        );
      }
    }
  }
  // Normalize option `on_record`
  if (options.on_record === undefined || options.on_record === null) {
    options.on_record = undefined;
  } else if (typeof options.on_record !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_ON_RECORD",
      [
        "Invalid option `on_record`:",
        "expect a function,",
        `got ${JSON.stringify(options.on_record)}`,
      ],
      options,
    );
  }
  // Normalize option `on_skip`
  // options.on_skip ??= (err, chunk) => {
  //   this.emit('skip', err, chunk);
  // };
  if (
    options.on_skip !== undefined &&
    options.on_skip !== null &&
    typeof options.on_skip !== "function"
  ) {
    throw new Error(
      `Invalid Option: on_skip must be a function, got ${JSON.stringify(options.on_skip)}`,
    );
  }
  // Normalize option `quote`
  if (
    options.quote === null ||
    options.quote === false ||
    options.quote === ""
  ) {
    options.quote = null;
  } else {
    if (options.quote === undefined || options.quote === true) {
      options.quote = Buffer.from('"', options.encoding);
    } else if (typeof options.quote === "string") {
      options.quote = Buffer.from(options.quote, options.encoding);
    }
    if (!Buffer.isBuffer(options.quote)) {
      throw new Error(
        `Invalid Option: quote must be a buffer or a string, got ${JSON.stringify(options.quote)}`,
      );
    }
  }
  // Normalize option `raw`
  if (
    options.raw === undefined ||
    options.raw === null ||
    options.raw === false
  ) {
    options.raw = false;
  } else if (options.raw !== true) {
    throw new Error(
      `Invalid Option: raw must be true, got ${JSON.stringify(options.raw)}`,
    );
  }
  // Normalize option `record_delimiter`
  if (options.record_delimiter === undefined) {
    options.record_delimiter = [];
  } else if (
    typeof options.record_delimiter === "string" ||
    Buffer.isBuffer(options.record_delimiter)
  ) {
    if (options.record_delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer,",
          `got ${JSON.stringify(options.record_delimiter)}`,
        ],
        options,
      );
    }
    options.record_delimiter = [options.record_delimiter];
  } else if (!Array.isArray(options.record_delimiter)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_RECORD_DELIMITER",
      [
        "Invalid option `record_delimiter`:",
        "value must be a string, a buffer or array of string|buffer,",
        `got ${JSON.stringify(options.record_delimiter)}`,
      ],
      options,
    );
  }
  options.record_delimiter = options.record_delimiter.map(function (rd, i) {
    if (typeof rd !== "string" && !Buffer.isBuffer(rd)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a string, a buffer or array of string|buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`,
        ],
        options,
      );
    } else if (rd.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`,
        ],
        options,
      );
    }
    if (typeof rd === "string") {
      rd = Buffer.from(rd, options.encoding);
    }
    return rd;
  });
  // Normalize option `relax_column_count`
  if (typeof options.relax_column_count === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count === undefined ||
    options.relax_column_count === null
  ) {
    options.relax_column_count = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`,
    );
  }
  if (typeof options.relax_column_count_less === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count_less === undefined ||
    options.relax_column_count_less === null
  ) {
    options.relax_column_count_less = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`,
    );
  }
  if (typeof options.relax_column_count_more === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count_more === undefined ||
    options.relax_column_count_more === null
  ) {
    options.relax_column_count_more = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`,
    );
  }
  // Normalize option `relax_quotes`
  if (typeof options.relax_quotes === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_quotes === undefined ||
    options.relax_quotes === null
  ) {
    options.relax_quotes = false;
  } else {
    throw new Error(
      `Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`,
    );
  }
  // Normalize option `skip_empty_lines`
  if (typeof options.skip_empty_lines === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_empty_lines === undefined ||
    options.skip_empty_lines === null
  ) {
    options.skip_empty_lines = false;
  } else {
    throw new Error(
      `Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`,
    );
  }
  // Normalize option `skip_records_with_empty_values`
  if (typeof options.skip_records_with_empty_values === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_records_with_empty_values === undefined ||
    options.skip_records_with_empty_values === null
  ) {
    options.skip_records_with_empty_values = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`,
    );
  }
  // Normalize option `skip_records_with_error`
  if (typeof options.skip_records_with_error === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_records_with_error === undefined ||
    options.skip_records_with_error === null
  ) {
    options.skip_records_with_error = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_error must be a boolean, got ${JSON.stringify(options.skip_records_with_error)}`,
    );
  }
  // Normalize option `rtrim`
  if (
    options.rtrim === undefined ||
    options.rtrim === null ||
    options.rtrim === false
  ) {
    options.rtrim = false;
  } else if (options.rtrim !== true) {
    throw new Error(
      `Invalid Option: rtrim must be a boolean, got ${JSON.stringify(options.rtrim)}`,
    );
  }
  // Normalize option `ltrim`
  if (
    options.ltrim === undefined ||
    options.ltrim === null ||
    options.ltrim === false
  ) {
    options.ltrim = false;
  } else if (options.ltrim !== true) {
    throw new Error(
      `Invalid Option: ltrim must be a boolean, got ${JSON.stringify(options.ltrim)}`,
    );
  }
  // Normalize option `trim`
  if (
    options.trim === undefined ||
    options.trim === null ||
    options.trim === false
  ) {
    options.trim = false;
  } else if (options.trim !== true) {
    throw new Error(
      `Invalid Option: trim must be a boolean, got ${JSON.stringify(options.trim)}`,
    );
  }
  // Normalize options `trim`, `ltrim` and `rtrim`
  if (options.trim === true && opts.ltrim !== false) {
    options.ltrim = true;
  } else if (options.ltrim !== true) {
    options.ltrim = false;
  }
  if (options.trim === true && opts.rtrim !== false) {
    options.rtrim = true;
  } else if (options.rtrim !== true) {
    options.rtrim = false;
  }
  // Normalize option `to`
  if (options.to === undefined || options.to === null) {
    options.to = -1;
  } else if (options.to !== -1) {
    if (typeof options.to === "string" && /\d+/.test(options.to)) {
      options.to = parseInt(options.to);
    }
    if (Number.isInteger(options.to)) {
      if (options.to <= 0) {
        throw new Error(
          `Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`,
      );
    }
  }
  // Normalize option `to_line`
  if (options.to_line === undefined || options.to_line === null) {
    options.to_line = -1;
  } else if (options.to_line !== -1) {
    if (typeof options.to_line === "string" && /\d+/.test(options.to_line)) {
      options.to_line = parseInt(options.to_line);
    }
    if (Number.isInteger(options.to_line)) {
      if (options.to_line <= 0) {
        throw new Error(
          `Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`,
      );
    }
  }
  return options;
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/delimiter_discover.js



// Discussed in [issue #400](https://github.com/adaltas/node-csv/issues/400)
// See https://github.com/python/cpython/blob/ea1b1c579f600cc85d145c60862b2e6b98701b24/Lib/csv.py#L349
const delimiter_discover = function (records, options) {
  // Normalize the configuration
  if (!options) {
    ({ delimiter_auto: options } = normalize_options({ delimiter_auto: true }));
  }
  // Convert String to Buffer
  if (typeof records === "string") {
    records = Buffer.from(records);
  }
  // Convert Buffer to an array of records
  if (Buffer.isBuffer(records)) {
    records = ((data) => {
      const records = [];
      const parser = transform({ delimiter: [] });
      const push = (record) => records.push(record);
      const close = () => {};
      const error = parser.parse(data, true, push, close);
      if (error !== undefined) throw error;
      return records;
    })(records);
  }
  // Info array initialization, 127 entries, one per char code
  const info = Array(127)
    .fill()
    .map(() => ({ lines: [] }));
  // Traverse each records, count occurences per char code
  records.map(([record], line) => {
    for (let i = 0, l = record.length; i < l; i++) {
      // Count the character frequency
      const code = record.charCodeAt(i);
      if (info[code].lines[line] === undefined) info[code].lines[line] = 0;
      info[code].lines[line]++;
    }
  });
  // Traverse each char code, compute the score
  info.map((info, i) => {
    info.char_code = i;
    info.std = std(info.lines);
    info.total = info.lines.reduce((acc, val) => acc + val, 0);
    info.preferred = !!options.preferred[i];
    info.score = options.score(info, options);
  });
  // Extract the dominant character
  const result = info.reduce(
    (acc, info) => (acc.score > info.score ? acc : info),
    {},
  );
  return String.fromCharCode(result.char_code);
};

const std = function (array) {
  const n = array.length;
  if (n === 0) return 0;
  const mean = array.reduce((a, b) => a + b) / n;
  return Math.sqrt(
    array.map((x) => Math.pow(x - mean, 2)).reduce((a, b) => a + b) / n,
  );
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/index.js






const isRecordEmpty = function (record) {
  return record.every(
    (field) =>
      field == null || (field.toString && field.toString().trim() === ""),
  );
};

const cr = 13; // `\r`, carriage return, 0x0D in hexadécimal, 13 in decimal
const nl = 10; // `\n`, newline, 0x0A in hexadecimal, 10 in decimal

const boms = {
  // Note, the following are equals:
  // Buffer.from("\ufeff")
  // Buffer.from([239, 187, 191])
  // Buffer.from('EFBBBF', 'hex')
  utf8: Buffer.from([239, 187, 191]),
  // Note, the following are equals:
  // Buffer.from "\ufeff", 'utf16le
  // Buffer.from([255, 254])
  utf16le: Buffer.from([255, 254]),
};

const transform = function (original_options = {}) {
  const info = {
    bytes: 0,
    bytes_records: 0,
    comment_lines: 0,
    empty_lines: 0,
    invalid_field_length: 0,
    lines: 1,
    records: 0,
  };
  const options = normalize_options(original_options);
  return {
    info: info,
    original_options: original_options,
    options: options,
    state: init_state(options),
    __needMoreData: function (i, bufLen, end) {
      if (end) return false;
      const { encoding, escape, quote } = this.options;
      const { quoting, needMoreDataSize, recordDelimiterMaxLength } =
        this.state;
      const numOfCharLeft = bufLen - i - 1;
      const requiredLength = Math.max(
        needMoreDataSize,
        // Skip if the remaining buffer smaller than record delimiter
        // If "record_delimiter" is yet to be discovered:
        // 1. It is equals to `[]` and "recordDelimiterMaxLength" equals `0`
        // 2. We set the length to windows line ending in the current encoding
        // Note, that encoding is known from user or bom discovery at that point
        // recordDelimiterMaxLength,
        recordDelimiterMaxLength === 0
          ? Buffer.from("\r\n", encoding).length
          : recordDelimiterMaxLength,
        // Skip if remaining buffer can be an escaped quote
        quoting ? (escape === null ? 0 : escape.length) + quote.length : 0,
        // Skip if remaining buffer can be record delimiter following the closing quote
        quoting ? quote.length + recordDelimiterMaxLength : 0,
      );
      return numOfCharLeft < requiredLength;
    },
    // Central parser implementation
    parse: function (nextBuf, end, push, close) {
      const {
        bom,
        comment_no_infix,
        delimiter_auto,
        encoding,
        from_line,
        ltrim,
        max_record_size,
        raw,
        relax_quotes,
        rtrim,
        skip_empty_lines,
        to,
        to_line,
      } = this.options;
      let { comment, escape, quote, record_delimiter } = this.options;
      const {
        bomSkipped,
        delimiterDiscovered,
        delimiterBufPrevious,
        rawBuffer,
        escapeIsQuote,
      } = this.state;
      // Automatic delimiter discovery
      if (!delimiterDiscovered && delimiter_auto) {
        let delimiterBuf;
        if (delimiterBufPrevious === undefined) {
          delimiterBuf = nextBuf;
        } else if (
          delimiterBufPrevious !== undefined &&
          nextBuf === undefined
        ) {
          delimiterBuf = delimiterBufPrevious;
        } else {
          delimiterBuf = Buffer.concat([delimiterBufPrevious, nextBuf]);
        }
        // Ensure that nextBuf is not concatenated a second time during buffer reconciliation
        nextBuf = undefined;
        // this.delimiterBufPrevious = delimiterBuf;
        if (end || delimiterBuf.length > delimiter_auto.size) {
          this.options.delimiter = [
            Buffer.from(
              delimiter_discover(delimiterBuf, this.options.delimiter_auto),
            ),
          ];
          this.state.previousBuf = delimiterBuf;
          this.state.delimiterBufPrevious = undefined;
          this.state.delimiterDiscovered = true;
        } else {
          this.state.delimiterBufPrevious = delimiterBuf;
          return;
        }
      }
      // Previous buffers reconciliation
      const { previousBuf } = this.state;
      let buf;
      if (previousBuf === undefined) {
        if (nextBuf === undefined) {
          // Handle empty string
          close();
          return;
        } else {
          buf = nextBuf;
        }
      } else if (previousBuf !== undefined && nextBuf === undefined) {
        buf = previousBuf;
      } else {
        buf = Buffer.concat([previousBuf, nextBuf]);
      }
      // Handle UTF BOM
      if (bomSkipped === false) {
        if (bom === false) {
          this.state.bomSkipped = true;
        } else if (buf.length < 3) {
          // No enough data
          if (end === false) {
            // Wait for more data
            this.state.previousBuf = buf;
            return;
          }
        } else {
          for (const encoding in boms) {
            if (boms[encoding].compare(buf, 0, boms[encoding].length) === 0) {
              // Skip BOM
              const bomLength = boms[encoding].length;
              this.state.bufBytesStart += bomLength;
              buf = buf.slice(bomLength);
              // Renormalize original options with the new encoding
              const options = normalize_options({
                ...this.original_options,
                encoding: encoding,
              });
              // Properties are merged with the existing options instance
              for (const key in options) {
                this.options[key] = options[key];
              }
              // Options will re-evaluate the Buffer with the new encoding
              ({ comment, escape, quote } = this.options);
              break;
            }
          }
          this.state.bomSkipped = true;
        }
      }
      const bufLen = buf.length;
      let pos;
      for (pos = 0; pos < bufLen; pos++) {
        // Ensure we get enough space to look ahead
        // There should be a way to move this out of the loop
        if (this.__needMoreData(pos, bufLen, end)) {
          break;
        }
        if (this.state.wasRowDelimiter === true) {
          this.info.lines++;
          this.state.wasRowDelimiter = false;
        }
        if (to_line !== -1 && this.info.lines > to_line) {
          this.state.stop = true;
          close();
          return;
        }
        // Auto discovery of record_delimiter, unix, mac and windows supported
        if (this.state.quoting === false && record_delimiter.length === 0) {
          const record_delimiterCount = this.__autoDiscoverRecordDelimiter(
            buf,
            pos,
          );
          if (record_delimiterCount) {
            record_delimiter = this.options.record_delimiter;
          }
        }
        const chr = buf[pos];
        if (raw === true) {
          rawBuffer.append(chr);
        }
        if (
          (chr === cr || chr === nl) &&
          this.state.wasRowDelimiter === false
        ) {
          this.state.wasRowDelimiter = true;
        }
        // Previous char was a valid escape char
        // treat the current char as a regular char
        if (this.state.escaping === true) {
          this.state.escaping = false;
        } else {
          // Escape is only active inside quoted fields
          // We are quoting, the char is an escape chr and there is a chr to escape
          // if(escape !== null && this.state.quoting === true && chr === escape && pos + 1 < bufLen){
          if (
            escape !== null &&
            this.state.quoting === true &&
            this.__isEscape(buf, pos, chr) &&
            pos + escape.length < bufLen
          ) {
            if (escapeIsQuote) {
              if (this.__isQuote(buf, pos + escape.length)) {
                this.state.escaping = true;
                pos += escape.length - 1;
                continue;
              }
            } else {
              this.state.escaping = true;
              pos += escape.length - 1;
              continue;
            }
          }
          // Not currently escaping and chr is a quote
          // TODO: need to compare bytes instead of single char
          if (this.state.commenting === false && this.__isQuote(buf, pos)) {
            if (this.state.quoting === true) {
              const nextChr = buf[pos + quote.length];
              const isNextChrTrimable =
                rtrim && this.__isCharTrimable(buf, pos + quote.length);
              const isNextChrComment =
                comment !== null &&
                this.__compareBytes(comment, buf, pos + quote.length, nextChr);
              const isNextChrDelimiter = this.__isDelimiter(
                buf,
                pos + quote.length,
                nextChr,
              );
              const isNextChrRecordDelimiter =
                record_delimiter.length === 0
                  ? this.__autoDiscoverRecordDelimiter(buf, pos + quote.length)
                  : this.__isRecordDelimiter(nextChr, buf, pos + quote.length);
              // Escape a quote
              // Treat next char as a regular character
              if (
                escape !== null &&
                this.__isEscape(buf, pos, chr) &&
                this.__isQuote(buf, pos + escape.length)
              ) {
                pos += escape.length - 1;
              } else if (
                !nextChr ||
                isNextChrDelimiter ||
                isNextChrRecordDelimiter ||
                isNextChrComment ||
                isNextChrTrimable
              ) {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                pos += quote.length - 1;
                continue;
              } else if (relax_quotes === false) {
                const err = this.__error(
                  new CsvError(
                    "CSV_INVALID_CLOSING_QUOTE",
                    [
                      "Invalid Closing Quote:",
                      `got "${String.fromCharCode(nextChr)}"`,
                      `at line ${this.info.lines}`,
                      "instead of delimiter, record delimiter, trimable character",
                      "(if activated) or comment",
                    ],
                    this.options,
                    this.__infoField(),
                  ),
                );
                if (err !== undefined) return err;
              } else {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                this.state.field.prepend(quote);
                pos += quote.length - 1;
              }
            } else {
              if (this.state.field.length !== 0) {
                // In relax_quotes mode, treat opening quote preceded by chrs as regular
                if (relax_quotes === false) {
                  const info = this.__infoField();
                  const bom = Object.keys(boms)
                    .map((b) =>
                      boms[b].equals(this.state.field.toString()) ? b : false,
                    )
                    .filter(Boolean)[0];
                  const err = this.__error(
                    new CsvError(
                      "INVALID_OPENING_QUOTE",
                      [
                        "Invalid Opening Quote:",
                        `a quote is found on field ${JSON.stringify(info.column)} at line ${info.lines}, value is ${JSON.stringify(this.state.field.toString(encoding))}`,
                        bom ? `(${bom} bom)` : undefined,
                      ],
                      this.options,
                      info,
                      {
                        field: this.state.field,
                      },
                    ),
                  );
                  if (err !== undefined) return err;
                }
              } else {
                this.state.quoting = true;
                pos += quote.length - 1;
                continue;
              }
            }
          }
          if (this.state.quoting === false) {
            const recordDelimiterLength = this.__isRecordDelimiter(
              chr,
              buf,
              pos,
            );
            if (recordDelimiterLength !== 0) {
              // Do not emit comments which take a full line
              const skipCommentLine =
                this.state.commenting &&
                this.state.wasQuoting === false &&
                this.state.record.length === 0 &&
                this.state.field.length === 0;
              if (skipCommentLine) {
                this.info.comment_lines++;
                // Skip full comment line
              } else {
                // Activate records emission if above from_line
                if (
                  this.state.enabled === false &&
                  this.info.lines +
                    (this.state.wasRowDelimiter === true ? 1 : 0) >=
                    from_line
                ) {
                  this.state.enabled = true;
                  this.__resetField();
                  this.__resetRecord();
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                // Skip if line is empty and skip_empty_lines activated
                if (
                  skip_empty_lines === true &&
                  this.state.wasQuoting === false &&
                  this.state.record.length === 0 &&
                  this.state.field.length === 0
                ) {
                  this.info.empty_lines++;
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                this.info.bytes = this.state.bufBytesStart + pos;
                const errField = this.__onField();
                if (errField !== undefined) return errField;
                this.info.bytes =
                  this.state.bufBytesStart + pos + recordDelimiterLength;
                const errRecord = this.__onRecord(push);
                if (errRecord !== undefined) return errRecord;
                if (to !== -1 && this.info.records >= to) {
                  this.state.stop = true;
                  close();
                  return;
                }
              }
              this.state.commenting = false;
              pos += recordDelimiterLength - 1;
              continue;
            }
            if (this.state.commenting) {
              continue;
            }
            if (
              comment !== null &&
              (comment_no_infix === false ||
                (this.state.record.length === 0 &&
                  this.state.field.length === 0))
            ) {
              const commentCount = this.__compareBytes(comment, buf, pos, chr);
              if (commentCount !== 0) {
                this.state.commenting = true;
                continue;
              }
            }
            const delimiterLength = this.__isDelimiter(buf, pos, chr);
            if (delimiterLength !== 0) {
              this.info.bytes = this.state.bufBytesStart + pos;
              const errField = this.__onField();
              if (errField !== undefined) return errField;
              pos += delimiterLength - 1;
              continue;
            }
          }
        }
        if (this.state.commenting === false) {
          if (
            max_record_size !== 0 &&
            this.state.record_length + this.state.field.length > max_record_size
          ) {
            return this.__error(
              new CsvError(
                "CSV_MAX_RECORD_SIZE",
                [
                  "Max Record Size:",
                  "record exceed the maximum number of tolerated bytes",
                  `of ${max_record_size}`,
                  `at line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
              ),
            );
          }
        }
        const lappend =
          ltrim === false ||
          this.state.quoting === true ||
          this.state.field.length !== 0 ||
          !this.__isCharTrimable(buf, pos);
        // rtrim in non quoting is handle in __onField
        const rappend = rtrim === false || this.state.wasQuoting === false;
        if (lappend === true && rappend === true) {
          this.state.field.append(chr);
        } else if (rtrim === true && !this.__isCharTrimable(buf, pos)) {
          return this.__error(
            new CsvError(
              "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",
              [
                "Invalid Closing Quote:",
                "found non trimable byte after quote",
                `at line ${this.info.lines}`,
              ],
              this.options,
              this.__infoField(),
            ),
          );
        } else {
          if (lappend === false) {
            pos += this.__isCharTrimable(buf, pos) - 1;
          }
          continue;
        }
      }
      if (end === true) {
        // Ensure we are not ending in a quoting state
        if (this.state.quoting === true) {
          const err = this.__error(
            new CsvError(
              "CSV_QUOTE_NOT_CLOSED",
              [
                "Quote Not Closed:",
                `the parsing is finished with an opening quote at line ${this.info.lines}`,
              ],
              this.options,
              this.__infoField(),
            ),
          );
          if (err !== undefined) return err;
        } else {
          // Skip last line if it has no characters
          if (
            this.state.wasQuoting === true ||
            this.state.record.length !== 0 ||
            this.state.field.length !== 0
          ) {
            this.info.bytes = this.state.bufBytesStart + pos;
            const errField = this.__onField();
            if (errField !== undefined) return errField;
            const errRecord = this.__onRecord(push);
            if (errRecord !== undefined) return errRecord;
          } else if (this.state.wasRowDelimiter === true) {
            this.info.empty_lines++;
          } else if (this.state.commenting === true) {
            this.info.comment_lines++;
          }
        }
      } else {
        this.state.bufBytesStart += pos;
        this.state.previousBuf = buf.slice(pos);
      }
      if (this.state.wasRowDelimiter === true) {
        this.info.lines++;
        this.state.wasRowDelimiter = false;
      }
    },
    __onRecord: function (push) {
      const {
        columns,
        group_columns_by_name,
        encoding,
        info,
        from,
        relax_column_count,
        relax_column_count_less,
        relax_column_count_more,
        raw,
        skip_records_with_empty_values,
      } = this.options;
      const { enabled, record } = this.state;
      if (enabled === false) {
        return this.__resetRecord();
      }
      // Convert the first line into column names
      const recordLength = record.length;
      if (columns === true) {
        if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
          this.__resetRecord();
          return;
        }
        return this.__firstLineToColumns(record);
      }
      if (columns === false && this.info.records === 0) {
        this.state.expectedRecordLength = recordLength;
      }
      if (recordLength !== this.state.expectedRecordLength) {
        const err =
          columns === false
            ? new CsvError(
                "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH",
                [
                  "Invalid Record Length:",
                  `expect ${this.state.expectedRecordLength},`,
                  `got ${recordLength} on line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
                {
                  record: record,
                },
              )
            : new CsvError(
                "CSV_RECORD_INCONSISTENT_COLUMNS",
                [
                  "Invalid Record Length:",
                  `columns length is ${columns.length},`, // rename columns
                  `got ${recordLength} on line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
                {
                  record: record,
                },
              );
        if (
          relax_column_count === true ||
          (relax_column_count_less === true &&
            recordLength < this.state.expectedRecordLength) ||
          (relax_column_count_more === true &&
            recordLength > this.state.expectedRecordLength)
        ) {
          this.info.invalid_field_length++;
          this.state.error = err;
          // Error is undefined with skip_records_with_error
        } else {
          const finalErr = this.__error(err);
          if (finalErr) return finalErr;
        }
      }
      if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
        this.__resetRecord();
        return;
      }
      if (this.state.recordHasError === true) {
        this.__resetRecord();
        this.state.recordHasError = false;
        return;
      }
      this.info.records++;
      if (from === 1 || this.info.records >= from) {
        const { objname } = this.options;
        // With columns, records are object
        if (columns !== false) {
          const obj = {};
          // Transform record array to an object
          for (let i = 0, l = record.length; i < l; i++) {
            if (columns[i] === undefined || columns[i].disabled) continue;
            // Turn duplicate columns into an array
            if (
              group_columns_by_name === true &&
              Object.hasOwn(obj, columns[i].name)
            ) {
              if (Array.isArray(obj[columns[i].name])) {
                obj[columns[i].name] = obj[columns[i].name].concat(record[i]);
              } else {
                obj[columns[i].name] = [obj[columns[i].name], record[i]];
              }
            } else {
              Object.defineProperty(obj, columns[i].name, {
                value: record[i],
                enumerable: true,
                writable: true,
                configurable: true,
              });
            }
          }
          // Without objname (default)
          if (raw === true || info === true) {
            const extRecord = Object.assign(
              { record: obj },
              raw === true
                ? { raw: this.state.rawBuffer.toString(encoding) }
                : {},
              info === true ? { info: this.__infoRecord() } : {},
            );
            const err = this.__push(
              objname === undefined ? extRecord : [obj[objname], extRecord],
              push,
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === undefined ? obj : [obj[objname], obj],
              push,
            );
            if (err) {
              return err;
            }
          }
          // Without columns, records are array
        } else {
          if (raw === true || info === true) {
            const extRecord = Object.assign(
              { record: record },
              raw === true
                ? { raw: this.state.rawBuffer.toString(encoding) }
                : {},
              info === true ? { info: this.__infoRecord() } : {},
            );
            const err = this.__push(
              objname === undefined ? extRecord : [record[objname], extRecord],
              push,
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === undefined ? record : [record[objname], record],
              push,
            );
            if (err) {
              return err;
            }
          }
        }
      }
      this.__resetRecord();
    },
    __firstLineToColumns: function (record) {
      const { firstLineToHeaders } = this.state;
      try {
        const headers =
          firstLineToHeaders === undefined
            ? record
            : firstLineToHeaders.call(null, record);
        if (!Array.isArray(headers)) {
          return this.__error(
            new CsvError(
              "CSV_INVALID_COLUMN_MAPPING",
              [
                "Invalid Column Mapping:",
                "expect an array from column function,",
                `got ${JSON.stringify(headers)}`,
              ],
              this.options,
              this.__infoField(),
              {
                headers: headers,
              },
            ),
          );
        }
        const normalizedHeaders = normalize_columns_array(headers);
        this.state.expectedRecordLength = normalizedHeaders.length;
        this.options.columns = normalizedHeaders;
        this.__resetRecord();
        return;
      } catch (err) {
        return err;
      }
    },
    __resetRecord: function () {
      if (this.options.raw === true) {
        this.state.rawBuffer.reset();
      }
      this.state.error = undefined;
      this.state.record = [];
      this.state.record_length = 0;
    },
    __onField: function () {
      const { cast, encoding, rtrim, max_record_size } = this.options;
      const { enabled, wasQuoting } = this.state;
      // Short circuit for the from_line options
      if (enabled === false) {
        return this.__resetField();
      }
      let field = this.state.field.toString(encoding);
      if (rtrim === true && wasQuoting === false) {
        field = field.trimRight();
      }
      if (cast === true) {
        const [err, f] = this.__cast(field);
        if (err !== undefined) return err;
        field = f;
      }
      this.state.record.push(field);
      // Increment record length if record size must not exceed a limit
      if (max_record_size !== 0 && typeof field === "string") {
        this.state.record_length += field.length;
      }
      this.__resetField();
    },
    __resetField: function () {
      this.state.field.reset();
      this.state.wasQuoting = false;
    },
    __push: function (record, push) {
      const { on_record } = this.options;
      if (on_record !== undefined) {
        const info = this.__infoRecord();
        try {
          record = on_record.call(null, record, info);
        } catch (err) {
          return err;
        }
        if (record === undefined || record === null) {
          return;
        }
      }
      this.info.bytes_records += this.info.bytes;
      push(record);
    },
    // Return a tuple with the error and the casted value
    __cast: function (field) {
      const { columns, relax_column_count } = this.options;
      const isColumns = Array.isArray(columns);
      // Dont loose time calling cast
      // because the final record is an object
      // and this field can't be associated to a key present in columns
      if (
        isColumns === true &&
        relax_column_count &&
        this.options.columns.length <= this.state.record.length
      ) {
        return [undefined, undefined];
      }
      if (this.state.castField !== null) {
        try {
          const info = this.__infoField();
          return [undefined, this.state.castField.call(null, field, info)];
        } catch (err) {
          return [err];
        }
      }
      if (this.__isFloat(field)) {
        return [undefined, parseFloat(field)];
      } else if (this.options.cast_date !== false) {
        const info = this.__infoField();
        return [undefined, this.options.cast_date.call(null, field, info)];
      }
      return [undefined, field];
    },
    __compareBytes: function (sourceBuf, targetBuf, targetPos, firstByte) {
      if (sourceBuf[0] !== firstByte) return 0;
      const sourceLength = sourceBuf.length;
      for (let i = 1; i < sourceLength; i++) {
        if (sourceBuf[i] !== targetBuf[targetPos + i]) return 0;
      }
      return sourceLength;
    },
    // Helper to test if a character is trimable
    __isCharTrimable: function (buf, pos) {
      const { timchars, timcharFirstBytes } = this.state;
      // Fast bail-out: non-whitespace bytes (the common case) are rejected
      // without scanning the full timchar list.
      const first = buf[pos];
      if (first === undefined || timcharFirstBytes[first] === 0) return 0;
      loop1: for (let i = 0; i < timchars.length; i++) {
        const timchar = timchars[i];
        for (let j = 0; j < timchar.length; j++) {
          if (timchar[j] !== buf[pos + j]) continue loop1;
        }
        return timchar.length;
      }
      return 0;
    },
    __isDelimiter: function (buf, pos, chr) {
      const { delimiter, ignore_last_delimiters } = this.options;
      if (
        ignore_last_delimiters === true &&
        this.state.record.length === this.options.columns.length - 1
      ) {
        return 0;
      } else if (
        ignore_last_delimiters !== false &&
        typeof ignore_last_delimiters === "number" &&
        this.state.record.length === ignore_last_delimiters - 1
      ) {
        return 0;
      }
      loop1: for (let i = 0; i < delimiter.length; i++) {
        const del = delimiter[i];
        if (del[0] === chr) {
          for (let j = 1; j < del.length; j++) {
            if (del[j] !== buf[pos + j]) continue loop1;
          }
          return del.length;
        }
      }
      return 0;
    },
    __isEscape: function (buf, pos, chr) {
      const { escape } = this.options;
      if (escape === null) return false;
      const l = escape.length;
      if (escape[0] === chr) {
        for (let i = 0; i < l; i++) {
          if (escape[i] !== buf[pos + i]) {
            return false;
          }
        }
        return true;
      }
      return false;
    },
    __isFloat: function (value) {
      return value - parseFloat(value) + 1 >= 0; // Borrowed from jquery
    },
    // Keep it in case we implement the `cast_int` option
    // __isInt(value){
    //   // return Number.isInteger(parseInt(value))
    //   // return !isNaN( parseInt( obj ) );
    //   return /^(\-|\+)?[1-9][0-9]*$/.test(value)
    // }
    __isQuote: function (buf, pos) {
      const { quote } = this.options;
      if (quote === null) return false;
      const l = quote.length;
      for (let i = 0; i < l; i++) {
        if (quote[i] !== buf[pos + i]) {
          return false;
        }
      }
      return true;
    },
    __isRecordDelimiter: function (chr, buf, pos) {
      const { record_delimiter } = this.options;
      const recordDelimiterLength = record_delimiter.length;
      loop1: for (let i = 0; i < recordDelimiterLength; i++) {
        const rd = record_delimiter[i];
        const rdLength = rd.length;
        if (rd[0] !== chr) {
          continue;
        }
        for (let j = 1; j < rdLength; j++) {
          if (rd[j] !== buf[pos + j]) {
            continue loop1;
          }
        }
        return rd.length;
      }
      return 0;
    },
    __autoDiscoverRecordDelimiter: function (buf, pos) {
      const { encoding } = this.options;
      // Note, we don't need to cache this information in state,
      // It is only called on the first line until we find out a suitable
      // record delimiter.
      const rds = [
        // Important, the windows line ending must be before mac os 9
        Buffer.from("\r\n", encoding),
        Buffer.from("\n", encoding),
        Buffer.from("\r", encoding),
      ];
      loop: for (let i = 0; i < rds.length; i++) {
        const l = rds[i].length;
        for (let j = 0; j < l; j++) {
          if (rds[i][j] !== buf[pos + j]) {
            continue loop;
          }
        }
        this.options.record_delimiter.push(rds[i]);
        this.state.recordDelimiterMaxLength = rds[i].length;
        return rds[i].length;
      }
      return 0;
    },
    __error: function (msg) {
      const { encoding, raw, skip_records_with_error } = this.options;
      const err = typeof msg === "string" ? new Error(msg) : msg;
      if (skip_records_with_error) {
        this.state.recordHasError = true;
        if (this.options.on_skip !== undefined) {
          try {
            this.options.on_skip(
              err,
              raw ? this.state.rawBuffer.toString(encoding) : undefined,
            );
          } catch (err) {
            return err;
          }
        }
        // this.emit('skip', err, raw ? this.state.rawBuffer.toString(encoding) : undefined);
        return undefined;
      } else {
        return err;
      }
    },
    __infoDataSet: function () {
      return {
        ...this.info,
        columns: this.options.columns,
      };
    },
    __infoRecord: function () {
      const { columns, raw, encoding } = this.options;
      return {
        ...this.__infoDataSet(),
        bytes_records: this.info.bytes,
        error: this.state.error,
        header: columns === true,
        index: this.state.record.length,
        raw: raw ? this.state.rawBuffer.toString(encoding) : undefined,
      };
    },
    __infoField: function () {
      const { columns } = this.options;
      const isColumns = Array.isArray(columns);
      // Bytes records are only incremented when all records'fields are parsed
      const bytes_records = this.info.bytes_records;
      return {
        ...this.__infoRecord(),
        bytes_records: bytes_records,
        column:
          isColumns === true
            ? columns.length > this.state.record.length
              ? columns[this.state.record.length].name
              : null
            : this.state.record.length,
        quoting: this.state.wasQuoting,
      };
    },
  };
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/index.js
/*
CSV Parse

Please look at the [project documentation](https://csv.js.org/parse/) for
additional information.
*/







class Parser extends external_stream_.Transform {
  constructor(opts = {}) {
    super({ ...{ readableObjectMode: true }, ...opts, encoding: null });
    this.api = transform({
      on_skip: (err, chunk) => {
        this.emit("skip", err, chunk);
      },
      ...opts,
    });
    // Backward compatibility
    this.state = this.api.state;
    this.options = this.api.options;
    this.info = this.api.info;
  }
  // Implementation of `Transform._transform`
  _transform(buf, _, callback) {
    if (this.state.stop === true) {
      return;
    }
    const err = this.api.parse(
      buf,
      false,
      (record) => {
        this.push(record);
      },
      () => {
        this.push(null);
        this.end();
        // Fix #333 and break #410
        //   ko: api.stream.iterator.coffee
        //   ko with v21.4.0, ok with node v20.5.1: api.stream.finished # aborted (with generate())
        //   ko: api.stream.finished # aborted (with Readable)
        // this.destroy()
        // Fix #410 and partially break #333
        //   ok: api.stream.iterator.coffee
        //   ok: api.stream.finished # aborted (with generate())
        //   broken: api.stream.finished # aborted (with Readable)
        this.on("end", this.destroy);
      },
    );
    if (err !== undefined) {
      this.state.stop = true;
    }
    callback(err);
  }
  // Implementation of `Transform._flush`
  _flush(callback) {
    if (this.state.stop === true) {
      return;
    }
    const err = this.api.parse(
      undefined,
      true,
      (record) => {
        this.push(record);
      },
      () => {
        this.push(null);
        this.on("end", this.destroy);
      },
    );
    callback(err);
  }
}

const parse = function () {
  let data, options, callback;
  for (const i in arguments) {
    const argument = arguments[i];
    const type = typeof argument;
    if (
      data === undefined &&
      (typeof argument === "string" || Buffer.isBuffer(argument))
    ) {
      data = argument;
    } else if (options === undefined && is_object(argument)) {
      options = argument;
    } else if (callback === undefined && type === "function") {
      callback = argument;
    } else {
      throw new CsvError(
        "CSV_INVALID_ARGUMENT",
        ["Invalid argument:", `got ${JSON.stringify(argument)} at index ${i}`],
        options || {},
      );
    }
  }
  const parser = new Parser(options);
  if (callback) {
    const records =
      options === undefined || options.objname === undefined
        ? []
        : Object.create(null);
    parser.on("readable", function () {
      let record;
      while ((record = this.read()) !== null) {
        if (options === undefined || options.objname === undefined) {
          records.push(record);
        } else {
          Object.assign(records, {
            [record[0]]: record[1],
            // writable: true,
            // enumerable: true,
            // configurable: true
          });
        }
      }
    });
    parser.on("error", function (err) {
      callback(err, undefined, parser.api.__infoDataSet());
    });
    parser.on("end", function () {
      callback(undefined, records, parser.api.__infoDataSet());
    });
  }
  if (data !== undefined) {
    const writer = function () {
      parser.write(data);
      parser.end();
    };
    // Support Deno, Rollup doesn't provide a shim for setImmediate
    if (typeof setImmediate === "function") {
      setImmediate(writer);
    } else {
      setTimeout(writer, 0);
    }
  }
  return parser;
};




/***/ }),

/***/ 49567:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ai: () => (/* binding */ number)
/* harmony export */ });
/* unused harmony exports string, boolean, bigint, date */
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43759);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92857);


function string(params) {
    return core._coercedString(schemas.ZodString, params);
}
function number(params) {
    return _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* ._coercedNumber */ .qG(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .ZodNumber */ .rSt, params);
}
function boolean(params) {
    return core._coercedBoolean(schemas.ZodBoolean, params);
}
function bigint(params) {
    return core._coercedBigint(schemas.ZodBigInt, params);
}
function date(params) {
    return core._coercedDate(schemas.ZodDate, params);
}


/***/ })

};
