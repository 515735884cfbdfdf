#include "MetricText.h"

#include <QObject>
#include <cmath>

namespace qc::gui {

namespace {
bool mentions(const Metric& m, QLatin1String word)
{
    return m.id.contains(word, Qt::CaseInsensitive) || m.key.contains(word, Qt::CaseInsensitive)
        || m.format.contains(word, Qt::CaseInsensitive) || m.label.contains(word, Qt::CaseInsensitive);
}
} // namespace

QString metricShortName(const Metric& metric)
{
    // The source's name (SourceName's default or the user's); ids only for sources without one.
    const QString name = metric.label.trimmed();
    return name.isEmpty() ? metric.id : name;
}

QString metricAbbreviation(const Metric& metric)
{
    // Elided in the middle: the start says what it is, the end what tells it apart from its siblings.
    const QString name = metricShortName(metric);
    constexpr qsizetype kHead = 9;
    constexpr qsizetype kTail = 10;
    if (name.size() <= kHead + kTail + 1)
        return name;
    return name.left(kHead).trimmed() + QStringLiteral("…") + name.right(kTail).trimmed();
}

QString polarityPhrase(Polarity polarity)
{
    return polarity == Polarity::LowerIsMoreSensitive ? QObject::tr("lower = more sensitive")
                                                      : QObject::tr("higher = more sensitive");
}

QString metricLegendName(const Metric& metric)
{
    return metricShortName(metric) + QStringLiteral(" (") + polarityPhrase(metric.polarity())
        + QLatin1Char(')');
}

QString metricToolTip(const Metric& metric)
{
    QString what;
    if (mentions(metric, QLatin1String("hawq")))
        what = QObject::tr(
            "HAWQ_V2: the Hessian trace of the loss times the quantization perturbation of the op's "
            "weights. A large value means INT8 hurts this op more.");
    else if (mentions(metric, QLatin1String("mse")))
        what = QObject::tr(
            "INC MSE_V2: the output MSE measured when this op alone falls back to fp32 while the rest "
            "runs INT8. A small value means little is gained by keeping the op in higher precision, "
            "unless the source states otherwise (see polarity).");
    else if (mentions(metric, QLatin1String("autoquant")) || mentions(metric, QLatin1String("modelopt")))
        what = QObject::tr(
            "ModelOpt AutoQuant: the per-layer sensitivity score of the search (loss increase when "
            "the layer is quantized).");
    else
        what = QObject::tr("A per-op sensitivity score.");
    QString tip = QStringLiteral("<b>%1</b><br>%2<br><br>Polarity: <b>%3</b>")
                      .arg(metricShortName(metric).toHtmlEscaped(), what.toHtmlEscaped(),
                          polarityPhrase(metric.polarity()));
    if (metric.flipped)
        tip += QObject::tr(" (reversed by the user)");
    if (!metric.numberFormat.isEmpty() || !std::isnan(metric.effectiveBits))
        tip += QObject::tr("<br>Number format: %1%2")
                   .arg(metric.numberFormat.isEmpty() ? QObject::tr("not stated")
                                                      : metric.numberFormat.toHtmlEscaped(),
                       std::isnan(metric.effectiveBits)
                           ? QString()
                           : QObject::tr(" (%1 effective bits)").arg(metric.effectiveBits));
    if (metric.allMeasured)
        tip += QObject::tr("<br>All values are measured (set by the user): none is set aside as no signal");
    tip += QStringLiteral("<br>Source: %1 (%2)")
               .arg(metric.file.toHtmlEscaped(), metric.format.toHtmlEscaped());
    if (!metric.note.isEmpty())
        tip += QStringLiteral("<br>") + metric.note.toHtmlEscaped();
    tip += QObject::tr("<br>Ranks are normalized to [0, 1], 1 = most sensitive.");
    return tip;
}

} // namespace qc::gui
