#include "CombineSpec.h"

#include <QLocale>
#include <QStringList>
#include <cmath>
#include <stdexcept>

namespace qc {

CombineSpec CombineSpec::parse(const QString& text)
{
    CombineSpec spec;
    const QString t = text.trimmed();
    if (t.isEmpty() || t == QLatin1String("mean-rank"))
        return spec;
    if (t == QLatin1String("max-rank")) {
        spec.method = Method::MaxRank;
        return spec;
    }
    if (t.startsWith(QLatin1String("weighted:"))) {
        spec.method = Method::Weighted;
        for (const QString& part : t.mid(9).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const qsizetype eq = part.indexOf(QLatin1Char('='));
            bool ok = false;
            const double w = eq > 0 ? part.mid(eq + 1).toDouble(&ok) : 0.0;
            if (!ok || !std::isfinite(w) || w < 0)
                throw std::invalid_argument("weighted combination needs ID=WEIGHT with a weight >= 0, got '"
                    + part.toStdString() + "'");
            spec.weights.emplace_back(part.left(eq).trimmed(), w);
        }
        if (spec.weights.empty())
            throw std::invalid_argument("weighted combination needs at least one ID=WEIGHT");
        return spec;
    }
    if (t.contains(QLatin1Char(':')) || t.contains(QLatin1Char('=')))
        throw std::invalid_argument("unknown combination '" + t.toStdString()
            + "' (expected mean-rank, max-rank, a metric id or weighted:ID=W,...)");
    spec.method = Method::Single;
    spec.metric = t;
    return spec;
}

QString CombineSpec::toString() const
{
    switch (method) {
    case Method::MeanRank:
        return QStringLiteral("mean-rank");
    case Method::MaxRank:
        return QStringLiteral("max-rank");
    case Method::Single:
        return metric;
    case Method::Weighted: {
        QStringList parts;
        for (const auto& [id, w] : weights)
            parts.append(id + QLatin1Char('=') + QString::number(w, 'g', QLocale::FloatingPointShortest));
        return QStringLiteral("weighted:") + parts.join(QLatin1Char(','));
    }
    }
    return {};
}

double CombineSpec::weightOf(const QString& metricId) const
{
    switch (method) {
    case Method::Weighted:
        for (const auto& [id, w] : weights) {
            if (id == metricId)
                return w;
        }
        return 0.0;
    case Method::Single:
        return metricId == metric ? 1.0 : 0.0;
    default:
        return 1.0;
    }
}

} // namespace qc
