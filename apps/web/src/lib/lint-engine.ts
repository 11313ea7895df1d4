/**
 * The entry of the validation chunk the editor loads on demand: re-exporting only `lint` lets the bundler
 * leave out what the browser never calls, and names the chunk after its purpose.
 */
export { lint } from '@skylab/validation';
