import type { ItemStructure } from '../content/quiz-model.ts';
import { deriveSeed, shuffle } from './random.ts';

/**
 * How many items each lesson gets in a draw of `draw` from a bank: proportional allocation with
 * the largest-remainder method (ties broken by a seeded order of lessons, so no lesson is
 * favoured by its position), then at least one item per lesson when the draw allows it (taken
 * from the lesson with the most). Never more than a lesson has.
 */
export function allocateByLesson(
  bankSizes: ReadonlyMap<string, number>,
  draw: number,
  seed: number,
): Map<string, number> {
  const lessons = [...bankSizes.keys()];
  const total = lessons.reduce((s, l) => s + bankSizes.get(l)!, 0);
  const n = Math.max(0, Math.min(draw, total));
  const alloc = new Map<string, number>(lessons.map((l) => [l, 0]));
  if (n === 0) return alloc;
  const tieOrder = new Map(shuffle(lessons, deriveSeed(seed, 'ties')).map((l, i) => [l, i]));
  const quota = lessons.map((l) => ({ l, q: (n * bankSizes.get(l)!) / total }));
  let given = 0;
  for (const { l, q } of quota) {
    alloc.set(l, Math.floor(q));
    given += Math.floor(q);
  }
  const byRemainder = [...quota].sort(
    (a, b) => b.q - Math.floor(b.q) - (a.q - Math.floor(a.q)) || tieOrder.get(a.l)! - tieOrder.get(b.l)!,
  );
  for (let progressed = true; given < n && progressed;) {
    progressed = false;
    for (const { l } of byRemainder) {
      if (given >= n) break;
      if (alloc.get(l)! < bankSizes.get(l)!) {
        alloc.set(l, alloc.get(l)! + 1);
        given++;
        progressed = true;
      }
    }
  }
  // At least one per lesson where possible: move one from the best-served lesson.
  const nonEmpty = lessons.filter((l) => bankSizes.get(l)! > 0);
  if (n >= nonEmpty.length) {
    for (const l of [...nonEmpty].sort((a, b) => tieOrder.get(a)! - tieOrder.get(b)!)) {
      if (alloc.get(l)! > 0) continue;
      const donor = [...lessons]
        .filter((d) => alloc.get(d)! > 1)
        .sort((a, b) => alloc.get(b)! - alloc.get(a)! || tieOrder.get(a)! - tieOrder.get(b)!)[0];
      if (donor === undefined) break;
      alloc.set(donor, alloc.get(donor)! - 1);
      alloc.set(l, 1);
    }
  }
  return alloc;
}

/** What a draw needs: a quiz's id, draw size and items; with or without the key. */
export interface Drawable<I extends ItemStructure = ItemStructure> {
  id: string;
  draw: number;
  items: readonly I[];
}

/**
 * The items of one attempt, in the order shown: a formative quiz shows all its items, a final
 * assessment draws `quiz.draw` items stratified by lesson, without repeats. Deterministic for
 * the seed, so an attempt is restored from its seed alone.
 */
export function drawItems<I extends ItemStructure>(quiz: Drawable<I>, seed: number): I[] {
  const drawSeed = deriveSeed(seed, `draw:${quiz.id}`);
  if (quiz.draw >= quiz.items.length) return shuffle(quiz.items, drawSeed);
  const byLesson = new Map<string, I[]>();
  for (const item of quiz.items) {
    const list = byLesson.get(item.lesson) ?? [];
    list.push(item);
    byLesson.set(item.lesson, list);
  }
  const alloc = allocateByLesson(
    new Map([...byLesson].map(([l, items]) => [l, items.length])),
    quiz.draw,
    drawSeed,
  );
  const picked: I[] = [];
  for (const [lesson, items] of byLesson) {
    picked.push(...shuffle(items, deriveSeed(drawSeed, `lesson:${lesson}`)).slice(0, alloc.get(lesson)));
  }
  return shuffle(picked, deriveSeed(drawSeed, 'order'));
}
