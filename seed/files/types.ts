/** A document of the scenario as the file a unit receives, with what its import is to be told. */
import type { IngestBatchInput } from '../../server/domain/batch.js';

export interface ScenarioFile {
  name: string;
  text: string;
  /** What the import is told: the template, and the document's own type and case. */
  template: string;
  type: IngestBatchInput['document']['type'];
  case?: string;
}
