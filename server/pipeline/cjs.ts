/**
 * CommonJS packages whose typings declare `export default`: under NodeNext,
 * TypeScript sees their default import as the module object, while Node hands
 * over `module.exports` itself. These casts state what Node really gives.
 */
import louvainModule from 'graphology-communities-louvain';
import forceAtlas2Module from 'graphology-layout-forceatlas2';

export const louvain = louvainModule as unknown as typeof louvainModule.default;
export const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;
