/**
 * The entry of the validation chunk the editor loads on demand: re-exporting only `lint` lets the bundler
 * leave out what the browser never calls, and names the chunk after its purpose.
 */
import './zod-jitless.ts';

export { lint } from '@skylab/validation';
