import v8 from 'node:v8';

/**
 * Run as its own process, the store favours a small heap over allocation speed: V8's optimize-for-size mode keeps
 * the young generation at about 1 MB (by default it grows to 32 MB and stays there after a burst of writes) and
 * collects the old generation sooner, so resident memory tracks the data rather than the garbage of the last bulk
 * load. Throughput stays far above what the store needs (measured in the README). Imported first by the CLI only;
 * an embedding process keeps its own settings.
 */
v8.setFlagsFromString('--optimize-for-size');
