#pragma once

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace qc {

// Compact, readable, reusable forms of explicit op lists: names that differ only in their layer index fold
// into one pattern with layer ranges, e.g. "model.language_model.layers.{0-11,14-35}.mlp.down_proj".
// Explicit lists stay the truth; compress() and expand() are exact inverses on any name set.
class LayerPattern
{
public:
    // Sorted patterns; names without a layer index stay literal.
    static QStringList compress(const QStringList& names);
    // The names a pattern stands for. Throws std::invalid_argument on a malformed range.
    static QStringList expand(const QString& pattern);
    static QStringList expandAll(const QStringList& patterns);

    // "0-11,14-35" <-> {0..11, 14..35}
    static QString formatRanges(std::vector<int> layers);
    static std::vector<int> parseRanges(const QString& ranges);

    // The name with its layer index replaced by "{}" and the index, when the name has one.
    struct Template
    {
        QString text; // e.g. "model.layers.{}.mlp.down_proj"
        int layer = -1;
    };
    static std::optional<Template> templateOf(const QString& name);
};

} // namespace qc
