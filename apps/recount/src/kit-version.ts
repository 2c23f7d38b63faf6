import type { AnyRecountReport } from '@yishi/domain';
import type { Printed } from './print';
import { formatReport } from './print';
import { formatAssemblyReport } from './v2/print';

export { kitFormatVersion, recountKit } from '@yishi/domain';
export type { AnyRecountReport } from '@yishi/domain';

export function formatAnyReport(any: AnyRecountReport, options: { json: boolean }): Printed {
  return any.formatVersion === 1 ? formatReport(any.report, options) : formatAssemblyReport(any.report, options);
}
