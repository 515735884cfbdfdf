#include "MetricArguments.h"

#include "io/FileError.h"
#include "load/ProjectLoader.h"
#include "metrics/MetricImporter.h"
#include "metrics/SourceName.h"

#include <QFileInfo>
#include <QSet>

namespace qc::cli {

namespace {
struct MetricArgument
{
    QString id; // as given before '=', may be empty
    QString path;
};

MetricArgument splitMetric(const QString& arg)
{
    // "ID=FILE" unless the text before '=' looks like a path (an existing file wins).
    const qsizetype eq = arg.indexOf(QLatin1Char('='));
    if (eq <= 0 || QFileInfo::exists(arg) || arg.left(eq).contains(QLatin1Char('/')))
        return { {}, arg };
    return { arg.left(eq), arg.mid(eq + 1) };
}

QMap<QString, QString> keyValues(const QStringList& items, const QString& option)
{
    QMap<QString, QString> map;
    for (const QString& item : items) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        if (eq <= 0)
            throw UsageError { QStringLiteral("%1 expects ID=VALUE, got '%2'").arg(option, item) };
        map.insert(item.left(eq), item.mid(eq + 1));
    }
    return map;
}
// An option that names metric ids (or the ID= prefix of a file's several metrics) and changes each.
template<typename Change>
void applyToMetrics(
    const ArgumentList& args, const QString& option, std::vector<Metric>& metrics, Change change)
{
    for (const QString& id : args.values(option)) {
        bool found = false;
        for (Metric& metric : metrics) {
            if (metric.id == id || metric.id.startsWith(id + QLatin1Char('.'))) {
                change(metric);
                found = true;
            }
        }
        if (!found)
            throw UsageError { QStringLiteral("%1 names '%2', which is no metric id").arg(option, id) };
    }
}
} // namespace

QStringList metricFiles(const ArgumentList& args)
{
    QStringList files;
    for (const QString& arg : args.values(QStringLiteral("--metric")))
        files.append(splitMetric(arg).path);
    return files;
}

std::vector<Metric> readMetrics(const ArgumentList& args, const Inventory* inventory)
{
    const QStringList metricArgs = args.values(QStringLiteral("--metric"));
    if (metricArgs.isEmpty())
        throw UsageError { QStringLiteral("at least one --metric FILE is needed") };
    const QMap<QString, QString> formats
        = keyValues(args.values(QStringLiteral("--format")), QStringLiteral("--format"));
    std::vector<Metric> metrics;
    QSet<QString> givenIds;
    for (const QString& arg : metricArgs) {
        const MetricArgument m = splitMetric(arg);
        const QString format = formats.value(m.id.isEmpty() ? m.path : m.id);
        std::vector<Metric> fromFile = MetricImporter::import(m.path, format, inventory);
        givenIds.insert(m.id);
        for (Metric& metric : fromFile) {
            const QString id = m.id.isEmpty()
                ? metric.key
                : (fromFile.size() == 1 ? m.id : m.id + QLatin1Char('.') + metric.key);
            metric.id = ProjectLoader::uniqueId(metrics, id);
            metrics.push_back(std::move(metric));
        }
        if (metrics.size() > size_t(kMaxMetrics))
            throw FileError(
                m.path, tooManyMetrics(qsizetype(metrics.size()), "metrics in all --metric files"));
    }
    for (auto it = formats.cbegin(); it != formats.cend(); ++it) {
        if (!givenIds.contains(it.key()) && !metricArgs.contains(it.key()))
            throw UsageError {
                QStringLiteral("--format names '%1', which no --metric has as its ID").arg(it.key())
            };
    }
    SourceName::nameNew(metrics, 0); // the names the explorer gives the same files
    applyToMetrics(args, QStringLiteral("--flip"), metrics, [](Metric& m) { m.flipped = !m.flipped; });
    applyToMetrics(args, QStringLiteral("--all-measured"), metrics, [](Metric& m) { m.allMeasured = true; });
    return metrics;
}

} // namespace qc::cli
