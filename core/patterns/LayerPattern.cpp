#include "LayerPattern.h"

#include <QMap>
#include <QRegularExpression>
#include <algorithm>
#include <stdexcept>

namespace qc {

namespace {
const QRegularExpression& layerSegment()
{
    static const QRegularExpression rx(
        QStringLiteral(R"((?:^|\.)(?:layers|blocks|h|layer|block)\.(\d+)(?=\.|$))"));
    return rx;
}
} // namespace

std::optional<LayerPattern::Template> LayerPattern::templateOf(const QString& name)
{
    const QRegularExpressionMatch m = layerSegment().match(name);
    if (!m.hasMatch())
        return std::nullopt;
    QString text = name;
    text.replace(m.capturedStart(1), m.capturedLength(1), QStringLiteral("{}"));
    return Template { text, m.captured(1).toInt() };
}

QString LayerPattern::formatRanges(std::vector<int> layers)
{
    std::sort(layers.begin(), layers.end());
    layers.erase(std::unique(layers.begin(), layers.end()), layers.end());
    QStringList parts;
    for (size_t i = 0; i < layers.size();) {
        size_t j = i;
        while (j + 1 < layers.size() && layers[j + 1] == layers[j] + 1)
            ++j;
        parts.append(
            i == j ? QString::number(layers[i]) : QStringLiteral("%1-%2").arg(layers[i]).arg(layers[j]));
        i = j + 1;
    }
    return parts.join(QLatin1Char(','));
}

std::vector<int> LayerPattern::parseRanges(const QString& ranges)
{
    std::vector<int> out;
    for (const QString& part : ranges.split(QLatin1Char(','))) {
        const QStringList ends = part.split(QLatin1Char('-'));
        bool okA = false;
        bool okB = true;
        const int a = ends.value(0).toInt(&okA);
        const int b = ends.size() == 2 ? ends[1].toInt(&okB) : a;
        if (!okA || !okB || ends.size() > 2 || b < a || a < 0)
            throw std::invalid_argument("malformed layer range '" + part.toStdString() + "'");
        for (int l = a; l <= b; ++l)
            out.push_back(l);
    }
    return out;
}

namespace {
// Second step: patterns that differ only in their last component (the role: q_proj, k_proj, ...) and
// share their layers fold into one, e.g. "layers.{2,6}.self_attn.{k_proj,q_proj,v_proj}".
QStringList foldRoles(const QStringList& patterns)
{
    QMap<QString, QStringList> byParent;
    QStringList out;
    for (const QString& p : patterns) {
        const qsizetype dot = p.lastIndexOf(QLatin1Char('.'));
        const QString leaf = p.mid(dot + 1);
        if (dot <= 0 || leaf.contains(QLatin1Char('{')) || leaf.contains(QLatin1Char('}'))
            || leaf.contains(QLatin1Char(',')))
            out.append(p);
        else
            byParent[p.left(dot)].append(leaf);
    }
    for (auto it = byParent.cbegin(); it != byParent.cend(); ++it) {
        QStringList leaves = it.value();
        leaves.sort();
        out.append(it.key() + QLatin1Char('.')
            + (leaves.size() == 1 ? leaves.front()
                                  : QLatin1Char('{') + leaves.join(QLatin1Char(',')) + QLatin1Char('}')));
    }
    out.sort();
    return out;
}

bool isRangeList(const QString& items)
{
    static const QRegularExpression ranges(QStringLiteral(R"(^\d+(-\d+)?(,\d+(-\d+)?)*$)"));
    return ranges.match(items).hasMatch();
}
} // namespace

QStringList LayerPattern::compress(const QStringList& names)
{
    QMap<QString, std::vector<int>> byTemplate;
    QStringList out;
    for (const QString& name : names) {
        const std::optional<Template> t = templateOf(name);
        // Braces or commas in a name would make the pattern ambiguous: such names stay as they are.
        if (!t || name.contains(QLatin1Char('{')) || name.contains(QLatin1Char('}'))
            || name.contains(QLatin1Char(',')))
            out.append(name);
        else
            byTemplate[t->text].push_back(t->layer);
    }
    QStringList ranged;
    for (auto it = byTemplate.cbegin(); it != byTemplate.cend(); ++it) {
        QString pattern = it.key();
        const std::vector<int>& layers = it.value();
        pattern.replace(QStringLiteral("{}"),
            layers.size() == 1 ? QString::number(layers.front())
                               : QLatin1Char('{') + formatRanges(layers) + QLatin1Char('}'));
        ranged.append(pattern);
    }
    out.sort();
    return out + foldRoles(ranged);
}

QStringList LayerPattern::expand(const QString& pattern)
{
    static const QRegularExpression braces(QStringLiteral(R"(\{([^{}]*)\})"));
    const QRegularExpressionMatch m = braces.match(pattern);
    if (!m.hasMatch())
        return { pattern };
    // Layer ranges expand to numbers, role sets to their names; the rest of the pattern may hold more.
    QStringList items;
    if (isRangeList(m.captured(1))) {
        for (const int layer : parseRanges(m.captured(1)))
            items.append(QString::number(layer));
    } else {
        items = m.captured(1).split(QLatin1Char(','));
    }
    QStringList out;
    for (const QString& item : items) {
        if (item.isEmpty())
            throw std::invalid_argument("empty alternative in '" + pattern.toStdString() + "'");
        QString name = pattern;
        name.replace(m.capturedStart(0), m.capturedLength(0), item);
        out.append(expand(name));
    }
    return out;
}

QStringList LayerPattern::expandAll(const QStringList& patterns)
{
    QStringList out;
    for (const QString& p : patterns)
        out.append(expand(p));
    out.sort();
    return out;
}

} // namespace qc
