/**
 * The first module to run: a second entry, loaded with `async` from index.html, with no
 * dependency on the framework. A lesson or a quiz opened from a link or a bookmark needs its
 * route's code and its content, which the app would only ask for once its own modules (mostly
 * React and the router) had arrived and run: two rounds of downloads before the first screen.
 * This module is small and starts the second round while the first is still arriving. The router
 * and the routes later import the same modules and read the same cached content, so nothing is
 * fetched twice.
 *
 * The learner's language is guessed from the browser here; the saved choice comes with the resume
 * state, which the app reads later and prefetches for again. A wrong guess costs one download
 * the first screen does not use.
 */
import { detectLocale } from './ui/detect-locale.ts';
import { firstRoute, prefetchRouteData } from './ui/prefetch.ts';

const hash = window.location.hash;
const route = firstRoute(hash);
if (route?.kind === 'lesson') import('./routes/lesson.tsx').catch(() => undefined);
if (route?.kind === 'quiz') import('./routes/quiz.tsx').catch(() => undefined);
// A quiz's items are not started here: its intro paints without them, and whether the first screen
// is an attempt in progress is known only once the resume state is read (src/main.tsx).
prefetchRouteData(hash, detectLocale());
