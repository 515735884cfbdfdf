// make_seeds SOURCE_DIR OUT_DIR: writes the fuzz targets' seed corpora, OUT_DIR/<target>/<seed>, made from
// the bundled example and the tests' own files (see Seeds.h). Deterministic: the same tree, the same seeds.

#include "Seeds.h"

#include <cstdio>

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: make_seeds SOURCE_DIR OUT_DIR\n");
        return 2;
    }
    QDir(QString::fromLocal8Bit(argv[2])).removeRecursively();
    qc::seeds::SeedSink sink(QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[2]));
    try {
        const qc::seeds::Slice slice = qc::seeds::exampleSlice(sink);
        qc::seeds::writeMetricSeeds(sink, slice);
        qc::seeds::writeInventorySeeds(sink, slice);
        qc::seeds::writeProfileSeeds(sink, slice);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "make_seeds: %s\n", e.what());
        return 1;
    }
    std::printf("make_seeds: %d seeds in %s\n", sink.count(), argv[2]);
    return 0;
}
