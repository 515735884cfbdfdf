// Metric import: every format by detection and each format forced, with the file name that detection reads
// (extension, "hawq" in the name). A ranking either imports or is refused with a FileError.

#include "FuzzSupport.h"
#include "metrics/MetricImporter.h"

#include <cmath>

namespace {
// The names detection distinguishes: extension (.json/.yaml/.yml/.csv/.log/none) and "hawq" in the name.
const char* const kPaths[] = { "ranking.csv", "ranking.json", "ranking.yaml", "ranking.yml", "inc_tune.log",
    "hawq_traces.json", "scores", "autoquant.json" };

void checkImported(const std::vector<qc::Metric>& metrics)
{
    // What the importers promise every caller: no empty result, finite values, every metric named.
    if (metrics.empty())
        qc::fuzz::fail("metric_import", QStringLiteral("import returned no metric instead of refusing"));
    for (const qc::Metric& metric : metrics) {
        if (metric.key.isEmpty() || metric.id != metric.key)
            qc::fuzz::fail("metric_import", QStringLiteral("a metric without key or id"));
        for (const qc::MetricEntry& entry : metric.entries) {
            if (!std::isfinite(entry.value))
                qc::fuzz::fail("metric_import",
                    QStringLiteral("metric %1 holds a non-finite value for '%2'")
                        .arg(metric.key, entry.name));
        }
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const qc::fuzz::Selected input = qc::fuzz::select(qc::fuzz::bytes(data, size));
    const auto& formats = qc::MetricImporter::formats();
    // Low bits: the format (0 = detect, then each id); high bits: the path.
    const size_t formatChoice = input.selector % (formats.size() + 1);
    const QString format = formatChoice == 0 ? QString() : formats[formatChoice - 1].id;
    const QString path = QLatin1String(kPaths[(input.selector / (formats.size() + 1)) % std::size(kPaths)]);
    qc::fuzz::expectClean("metric_import", [&] {
        // Detection alone must never throw, whatever the bytes.
        (void)qc::MetricImporter::detect(input.content, path);
        checkImported(qc::MetricImporter::importData(input.content, path, format));
    });
    return 0;
}
