#include "NameReconciler.h"

#include "RuntimeNames.h"

#include <array>

namespace qc {

namespace {
constexpr int kAmbiguous = -2;
const QString kExact = QStringLiteral("exact"); // how most names match

// Wrapper and parameter suffixes the tools append to module names.
const std::array<QLatin1String, 8> kSuffixes = {
    QLatin1String(".module"),
    QLatin1String(".quant_recipe"),
    QLatin1String(".weight_quantizer"),
    QLatin1String(".input_quantizer"),
    QLatin1String(".output_quantizer"),
    QLatin1String(".weight"),
    QLatin1String(".bias"),
    QLatin1String("._orig_mod"),
};

// The differing leading components of two names that share their tail, e.g. "visual." vs "model.visual.".
QString prefixChange(const QString& from, const QString& to)
{
    const QStringList a = from.split(QLatin1Char('.'));
    const QStringList b = to.split(QLatin1Char('.'));
    qsizetype i = a.size();
    qsizetype j = b.size();
    while (i > 0 && j > 0 && a.at(i - 1) == b.at(j - 1)) {
        --i;
        --j;
    }
    auto head = [](const QStringList& parts, qsizetype n) {
        return n == 0 ? QString() : parts.mid(0, n).join(QLatin1Char('.')) + QLatin1Char('.');
    };
    return QStringLiteral("prefix '%1' -> '%2'").arg(head(a, i), head(b, j));
}
} // namespace

QString NameReconciler::canonical(const QString& name, QStringList* strippedSuffixes)
{
    QString result = name;
    if (result.startsWith(QLatin1String("_orig_mod.")))
        result.remove(0, 10);
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (const QLatin1String suffix : kSuffixes) {
            if (result.endsWith(suffix) && result.size() > suffix.size()) {
                result.chop(suffix.size());
                if (strippedSuffixes)
                    strippedSuffixes->append(suffix);
                stripped = true;
            }
        }
    }
    // Both transformers namings map to the >= 4.52 one (RuntimeNames decides the rename), then lose the
    // root "model." that LM-only runs lack; their bare decoder names join the text model's.
    result = RuntimeNames::inNaming(result, ModuleNaming::New);
    if (result.startsWith(QLatin1String("model.")))
        result.remove(0, 6);
    if (RuntimeNames::isTextDecoderChild(result))
        result.prepend(QLatin1String("language_model."));
    return result;
}

NameReconciler::NameReconciler(const Inventory& inventory)
    : m_inventory(inventory)
{ }

// Built on the first name that does not match exactly: sources that use the inventory's own names (the
// common case) never pay for a second index of a million names.
void NameReconciler::buildCanonicalIndex() const
{
    m_indexed = true;
    m_byCanonical.reserve(m_inventory.size());
    for (int i = 0; i < m_inventory.size(); ++i) {
        const QString key = canonical(m_inventory.at(i).name);
        auto it = m_byCanonical.find(key);
        if (it == m_byCanonical.end()) {
            m_byCanonical.insert(key, i);
        } else {
            if (it.value() != kAmbiguous)
                m_collisions.insert(key, it.value());
            m_collisions.insert(key, i);
            it.value() = kAmbiguous;
        }
    }
}

NameMatch NameReconciler::match(const QString& sourceName) const
{
    const int exact = m_inventory.indexOf(sourceName);
    if (exact >= 0)
        return { exact, kExact, {} };

    if (!m_indexed)
        buildCanonicalIndex();
    QStringList suffixes;
    const QString key = canonical(sourceName, &suffixes);
    const int op = m_byCanonical.value(key, -1);
    if (op == -1)
        return {};
    if (op == kAmbiguous) {
        QStringList candidates;
        for (const int i : m_collisions.values(key))
            candidates.append(m_inventory.at(i).name);
        candidates.sort();
        return { -1, QStringLiteral("ambiguous"), candidates };
    }

    QStringList steps;
    for (const QString& suffix : suffixes)
        steps.append(QStringLiteral("strip ") + suffix);
    QString bare = sourceName;
    for (const QString& suffix : suffixes)
        bare.chop(suffix.size());
    const QString& target = m_inventory.at(op).name;
    if (bare != target)
        steps.append(prefixChange(bare, target));
    return { op, steps.join(QStringLiteral(", ")), {} };
}

Reconciliation NameReconciler::reconcile(const Metric& metric) const
{
    Reconciliation result;
    result.ops.reserve(metric.entries.size());
    int exact = 0; // the common case, counted without a map lookup per entry
    int previousOp = -1;
    for (const MetricEntry& entry : metric.entries) {
        const int op = m_inventory.indexOf(entry.name, previousOp + 1);
        if (op >= 0)
            previousOp = op;
        if (op >= 0 && entry.groupLeader.isEmpty()) {
            ++exact;
            result.ops.push_back(op);
            continue;
        }
        NameMatch m = op >= 0 ? NameMatch { op, kExact, {} } : match(entry.name);
        if (!entry.groupLeader.isEmpty() && m.op >= 0)
            m.how = QStringLiteral("group of ") + entry.groupLeader.section(QLatin1Char('.'), -1)
                + QStringLiteral(", ") + m.how;
        if (m.op >= 0) {
            ++result.countByHow[m.how];
        } else if (!m.candidates.isEmpty()) {
            result.ambiguous.append(entry.name);
            result.candidates.emplace_back(int(result.ops.size()), std::move(m.candidates));
        } else {
            result.unmatched.append(entry.name);
        }
        result.ops.push_back(m.op);
    }
    if (exact > 0)
        result.countByHow[kExact] += exact;
    return result;
}

} // namespace qc
