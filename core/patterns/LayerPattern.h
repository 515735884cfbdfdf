#pragma once

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace qc {

// Compact, readable, reusable forms of explicit op lists: names that differ only in their layer index fold
// into one pattern with layer ranges, e.g. "model.language_model.layers.{0-11,14-35}.mlp.down_proj", and
// patterns that then differ only in their role (the last component) fold into a role set,
// "...layers.{2,6}.self_attn.{k_proj,q_proj,v_proj}". Explicit lists stay the truth; compress() and
// expand() are exact inverses on any name set.
class LayerPattern
{
public:
    // Literal names (no layer index) first, then the patterns, each group sorted.
    static QStringList compress(const QStringList& names);
    // The names a pattern stands for ({ranges} and {role,role} groups, any number). Throws
    // std::invalid_argument on a malformed range or an empty alternative.
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
