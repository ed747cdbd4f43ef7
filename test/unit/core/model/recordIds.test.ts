/**
 * New record ids under co-authoring: two coordinators adding a volunteer at the same moment, each
 * from their own copy of the register, must not both get the same id; the ids stay short and
 * readable; an id already in the register is never given again.
 */
import { cryptoRandom, isGeneratedId, newRecordIds } from '../../../../src/core/model/recordIds';

const NOW = new Date(2026, 10, 23, 10, 15);
/** A random source that gives the listed values in turn. */
const scripted = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length];
};

describe('newRecordIds', () => {
  test('is the prefix, three characters of the day and three random ones, in base 32 without I, L, O, U', () => {
    const [id] = newRecordIds('F', 1, NOW, []);
    expect(id).toMatch(/^F[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(isGeneratedId('F', id)).toBe(true);
    expect(newRecordIds('AVT-', 1, NOW, [])[0]).toMatch(/^AVT-[0-9A-HJKMNP-TV-Z]{6}$/);
    // The same day gives the same day part, the next day the next one: ids of a day stay together.
    const [a] = newRecordIds('F', 1, NOW, [], scripted(0));
    const [b] = newRecordIds('F', 1, new Date(2026, 10, 24, 10, 15), [], scripted(0));
    expect(a.slice(0, 4)).not.toBe(b.slice(0, 4));
    expect(a < b).toBe(true);
    expect(a.endsWith('000')).toBe(true);
  });

  test('two coordinators at the same moment, each from the same register, get different ids (counting up gave both F0042)', () => {
    const register = ['F0040', 'F0041'];
    const kari = newRecordIds('F', 1, NOW, register, cryptoRandom)[0];
    const ola = newRecordIds('F', 1, NOW, register, cryptoRandom)[0];
    expect(kari).not.toBe(ola);
    // Over many simultaneous pairs, collisions are as rare as three random characters make them (1 in 32,768).
    let same = 0;
    for (let i = 0; i < 2000; i++) if (newRecordIds('F', 1, NOW, register)[0] === newRecordIds('F', 1, NOW, register)[0]) same++;
    expect(same).toBeLessThan(3);
  });

  test('never gives an id the register already has (in any case), nor the same one twice in a batch', () => {
    const [first] = newRecordIds('F', 1, NOW, [], scripted(0.5));
    const again = newRecordIds('F', 1, NOW, [first.toLowerCase()], scripted(0.5, 0.25));
    expect(again[0]).not.toBe(first);
    const batch = newRecordIds('F', 3, NOW, [], scripted(0.5, 0.5, 0.75, 0.1));
    expect(new Set(batch).size).toBe(3);
    const many = newRecordIds('F', 5000, NOW, []);
    expect(new Set(many).size).toBe(5000);
  });
});
