import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderedIds } from '../../src/emulator/ordered-ids.js';

// Ten ids a..j in creation order; WorkOS lists newest first unless asked otherwise.
const ids = () => OrderedIds.of('jihgfedcba'.split(''));

describe('list pages over ids in creation order', () => {
  it('walks forward with `after` and back with `before`, in both orders', () => {
    expect(ids().page({ limit: 4, order: 'desc' })).toEqual({ ids: ['j', 'i', 'h', 'g'], before: null, after: 'g' });
    expect(ids().page({ limit: 4, order: 'desc', after: 'g' })).toEqual({
      ids: ['f', 'e', 'd', 'c'],
      before: 'f',
      after: 'c',
    });
    expect(ids().page({ limit: 4, order: 'desc', after: 'c' })).toEqual({ ids: ['b', 'a'], before: 'b', after: null });
    expect(ids().page({ limit: 4, order: 'desc', before: 'f' })).toEqual({
      ids: ['j', 'i', 'h', 'g'],
      before: null,
      after: 'g',
    });
    expect(ids().page({ limit: 4, order: 'asc', after: 'd' })).toEqual({
      ids: ['e', 'f', 'g', 'h'],
      before: 'e',
      after: 'h',
    });
    expect(ids().page({ limit: 4, order: 'asc', before: 'e' })).toEqual({
      ids: ['a', 'b', 'c', 'd'],
      before: null,
      after: 'd',
    });
  });

  it('reads "normal" as descending with the cursors swapped', () => {
    expect(ids().page({ limit: 3, order: 'normal', before: 'g' })).toEqual({
      ids: ['f', 'e', 'd'],
      before: 'd',
      after: 'f',
    });
  });

  it('keeps a cursor working after its item is deleted', () => {
    const list = ids();
    list.remove('g');
    expect(list.page({ limit: 2, order: 'desc', after: 'g' }).ids).toEqual(['f', 'e']);
    list.add('g');
    list.add('g');
    expect(list.size).toBe(10);
  });

  it('answers like a sorted array under any adds and removes, pages and sizes included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ add: fc.boolean(), id: fc.constantFrom(...'abcdefghij'.split('')), read: fc.boolean() }), {
          maxLength: 60,
        }),
        (steps) => {
          const list = new OrderedIds();
          let model: string[] = [];
          for (const step of steps) {
            if (step.add) {
              list.add(step.id);
              if (!model.includes(step.id)) model = [...model, step.id].sort();
            } else {
              list.remove(step.id);
              model = model.filter((id) => id !== step.id);
            }
            expect(list.size).toBe(model.length);
            if (step.read) {
              expect(list.all()).toEqual(model);
              expect(list.page({ limit: 3, order: 'asc', after: step.id }).ids).toEqual(
                model.filter((id) => id > step.id).slice(0, 3),
              );
            }
          }
          expect(list.all()).toEqual(model);
        },
      ),
    );
  });
});
