// Shared text kernel: pure functions over strings that several contexts compare words with. No
// context imports, no I/O; any context may import this face.
export { fold, foldWithin } from './fold.js';
