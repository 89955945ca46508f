// A download's bytes in the OpenAPI document (JSON Schema has no bytes of its own): how the vault's
// file answers (age files, the export zip) are described.
import { z } from 'zod';

export const Binary = z
  .custom<Buffer>((v) => Buffer.isBuffer(v))
  .meta({ type: 'string', format: 'binary' });
