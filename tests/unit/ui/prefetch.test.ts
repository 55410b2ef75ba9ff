import { beforeEach, describe, expect, it, vi } from 'vitest';

const lessons = [{ id: '04-tpnw' }];
const quizzes = [{ id: 'final' }, { id: '04-tpnw' }];
const loadLesson = vi.fn((_meta: unknown, _ui: string) => Promise.resolve({}));
const loadQuiz = vi.fn((_id: string, _locale: string) => Promise.resolve({}));

vi.mock('../../../src/ui/course-data.ts', () => ({
  findLesson: (id: string) => lessons.find((l) => l.id === id),
  loadLesson,
}));
vi.mock('../../../src/ui/quiz/quiz-data.ts', () => ({
  FINAL_QUIZ_ID: 'final',
  findQuiz: (id: string) => quizzes.find((q) => q.id === id),
  loadQuiz,
  quizLocaleFor: (ui: string) => (ui === 'pt' ? 'es' : 'en'),
}));

const { prefetchRouteData } = await import('../../../src/ui/prefetch.ts');

beforeEach(() => {
  loadLesson.mockClear();
  loadQuiz.mockClear();
});

describe('prefetchRouteData', () => {
  it("starts loading the lesson of a lesson route, with or without a section, in the learner's language", () => {
    prefetchRouteData('#/lesson/04-tpnw', 'fr');
    prefetchRouteData('#/lesson/04-tpnw/adoption', 'es');
    expect(loadLesson.mock.calls).toEqual([
      [lessons[0], 'fr'],
      [lessons[0], 'es'],
    ]);
    expect(loadQuiz).not.toHaveBeenCalled();
  });

  it("starts loading a quiz's items, in the content language of its quiz text, only when the first screen shows them", () => {
    const showsItems = vi.fn((id: string) => id !== 'final');
    prefetchRouteData('#/assessment', 'pt', showsItems);
    prefetchRouteData('#/quiz/04-tpnw', 'ru', showsItems);
    expect(showsItems.mock.calls).toEqual([['final'], ['04-tpnw']]);
    expect(loadQuiz.mock.calls).toEqual([['04-tpnw', 'en']]);
    loadQuiz.mockClear();
    prefetchRouteData('#/assessment', 'pt', () => true);
    expect(loadQuiz.mock.calls).toEqual([['final', 'es']]);
  });

  it("leaves a quiz's items alone when nothing says the first screen shows them (its intro paints from the index)", () => {
    prefetchRouteData('#/assessment', 'pt');
    prefetchRouteData('#/quiz/04-tpnw', 'ru');
    expect(loadQuiz).not.toHaveBeenCalled();
  });

  it('loads nothing for other routes, unknown lessons or quizzes, and the home page', () => {
    for (const hash of ['', '#/', '#/glossary/npt', '#/lesson/99-none', '#/quiz/nope', '#/instructor/results']) prefetchRouteData(hash, 'en');
    expect(loadLesson).not.toHaveBeenCalled();
    expect(loadQuiz).not.toHaveBeenCalled();
  });

  it('keeps a failed download quiet: the route asks again and shows its own error', async () => {
    loadLesson.mockImplementationOnce(() => Promise.reject(new Error('offline')));
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    prefetchRouteData('#/lesson/04-tpnw', 'en');
    await new Promise((r) => setTimeout(r, 10));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
