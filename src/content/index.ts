/** The content compiler: authored lessons, report, glossary and timeline → the course model. Node only. */
export {
  compileCourse,
  formatDiagnostic,
  parseReport,
  REPORT_FILE,
  type CompileOptions,
  type CompileResult,
} from './compile.ts';
export { sortDiagnostics } from './diagnostics.ts';
export * from './model.ts';
