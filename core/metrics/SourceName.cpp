#include "SourceName.h"

#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

namespace qc {

namespace {
QString factValue(const Metric& metric, const QString& key)
{
    for (const auto& [k, v] : metric.facts) {
        if (k == key)
            return v;
    }
    return {};
}

QString bitsText(double bits)
{
    return QString::number(bits, 'g', 4);
}

QString producerPart(const Metric& metric)
{
    const QString& format = metric.format;
    if (format.startsWith(QLatin1String("modelopt"))) {
        if (!metric.numberFormat.isEmpty())
            return QStringLiteral("AutoQuant ") + metric.numberFormat;
        return std::isnan(metric.effectiveBits)
            ? QStringLiteral("AutoQuant")
            : QStringLiteral("AutoQuant %1-bit").arg(bitsText(metric.effectiveBits));
    }
    const QString key = metric.key.toLower();
    if (key.contains(QLatin1String("hawq")))
        return QStringLiteral("HAWQ_V2");
    if (key.contains(QLatin1String("mse"))) {
        if (key.contains(QLatin1String("fallback")))
            return QStringLiteral("MSE_V2 fallback");
        if (key.contains(QLatin1String("requant")))
            return QStringLiteral("MSE_V2 re-quant");
        return QStringLiteral("MSE_V2");
    }
    if (!metric.key.isEmpty())
        return metric.key;
    return metric.label.isEmpty() ? metric.id : metric.label;
}

// The file's name without the extensions that only say what kind of file it is.
QString fileStem(const QString& file)
{
    QString stem = QFileInfo(file).fileName();
    static const QRegularExpression kinds(QStringLiteral("(\\.manifest)?\\.(json|csv|tsv|txt|ya?ml|log)$"),
        QRegularExpression::CaseInsensitiveOption);
    stem.remove(kinds);
    return stem;
}
} // namespace

QString SourceName::base(const Metric& metric)
{
    QStringList parts { producerPart(metric) };
    const QString samples = factValue(metric, QStringLiteral("dataset.num_samples"));
    if (!samples.isEmpty())
        parts.append(samples + QStringLiteral(" samples"));
    return parts.join(QStringLiteral(" · "));
}

QStringList SourceName::distinguishingParts(const QStringList& files)
{
    static const QRegularExpression separators(QStringLiteral("[_\\-. ]+"));
    std::vector<QStringList> tokens;
    for (const QString& f : files)
        tokens.push_back(fileStem(f).split(separators, Qt::SkipEmptyParts));
    if (tokens.size() == 1)
        return { fileStem(files.front()) }; // nothing to compare with: the whole name tells it apart
    // Whether the token at `at(t)` is the same in every list; at least one token of each is left over.
    auto common = [&](qsizetype dropped, auto at) {
        for (const QStringList& t : tokens) {
            if (t.size() <= dropped + 1 || t[at(t)] != tokens.front()[at(tokens.front())])
                return false;
        }
        return true;
    };
    qsizetype head = 0;
    while (common(head, [&](const QStringList&) { return head; }))
        ++head;
    qsizetype tail = 0;
    while (common(head + tail, [&](const QStringList& t) { return t.size() - 1 - tail; }))
        ++tail;
    QStringList out;
    for (const QStringList& t : tokens)
        out.append(t.mid(head, t.size() - head - tail).join(QLatin1Char('_')));
    return out;
}

void SourceName::nameNew(std::vector<Metric>& metrics, size_t firstNew)
{
    // Who gets a (new) name: the new sources and the old ones still bearing their bare base name.
    std::vector<size_t> renamed;
    QSet<QString> taken; // names that stay as they are
    QHash<QString, QStringList> keptFiles; // per base name: the files of sources that keep their name
    for (size_t i = 0; i < metrics.size(); ++i) {
        const QString b = base(metrics[i]);
        if (i >= firstNew || metrics[i].label == b) {
            renamed.push_back(i);
        } else {
            taken.insert(metrics[i].label);
            keptFiles[b].append(metrics[i].file);
        }
    }
    QHash<QString, std::vector<size_t>> byBase;
    QStringList order;
    for (size_t i : renamed) {
        const QString b = base(metrics[i]);
        if (!byBase.contains(b))
            order.append(b);
        byBase[b].push_back(i);
    }
    for (const QString& b : order) {
        const std::vector<size_t>& group = byBase[b];
        const QStringList peers = keptFiles.value(b);
        QStringList names;
        if (group.size() == 1 && peers.isEmpty()) {
            names.append(b);
        } else {
            // Told apart among every source of this base name, also those that keep theirs.
            QStringList files;
            for (size_t i : group)
                files.append(metrics[i].file);
            const QStringList parts = distinguishingParts(files + peers);
            for (size_t g = 0; g < group.size(); ++g) {
                const QString& part = parts[qsizetype(g)];
                names.append(part.isEmpty() ? b : b + QStringLiteral(" · ") + part);
            }
        }
        for (size_t g = 0; g < group.size(); ++g) {
            QString name = names[qsizetype(g)];
            // The same file twice, or a name someone chose: a counter settles it.
            for (int n = 2; taken.contains(name); ++n)
                name = names[qsizetype(g)] + QStringLiteral(" (%1)").arg(n);
            taken.insert(name);
            metrics[group[g]].label = name;
        }
    }
}

} // namespace qc
