#include "ProfileDocument.h"

#include "OutcomesSection.h"
#include "YamlText.h"
#include "io/AtomicWriter.h"
#include "io/CheckedNumbers.h"
#include "io/FileError.h"
#include "io/InputFile.h"
#include "io/Utf8.h"
#include "io/YamlInput.h"
#include "project/KeepCause.h"
#include "ranking/Agreement.h"

#include <QBuffer>
#include <QSet>
#include <QStringList>
#include <algorithm>
#include <array>
#include <cmath>
#include <future>
#include <yaml-cpp/yaml.h>

namespace qc {

namespace {
// ---- writing -------------------------------------------------------------------------------------

// Appends UTF-8 straight into one buffer: a million-op file is written without a UTF-16 copy of it.
class Writer
{
public:
    explicit Writer(QIODevice& device)
        : m_device(device)
    {
        m_out.reserve(kChunk + 4096);
    }
    ~Writer() { flush(); }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    void line(int indent, const QString& text)
    {
        appendUtf8(begin(indent), text);
        end();
    }
    // A line built in place, for the lists that hold one line per op: begin() gives the buffer after the
    // indent, end() closes the line.
    ByteSink& begin(int indent)
    {
        static constexpr char kSpaces[] = "                "; // the deepest indent is 3
        m_out.append(QByteArrayView(kSpaces, std::min<qsizetype>(indent * 2, sizeof kSpaces - 1)));
        return m_out;
    }
    void end()
    {
        m_out.append('\n');
        if (m_out.size() >= kChunk)
            flush();
    }
    void flush()
    {
        m_device.write(m_out.view().data(), m_out.size());
        m_out.clear();
    }
    void key(int indent, const char* k, const QString& value)
    {
        line(indent, QLatin1String(k) + QLatin1String(": ") + value);
    }
    void list(int indent, const char* k, const QStringList& items)
    {
        if (items.isEmpty()) {
            key(indent, k, QStringLiteral("[]"));
            return;
        }
        line(indent, QLatin1String(k) + QLatin1Char(':'));
        for (const QString& item : items) {
            ByteSink& out = begin(indent);
            out.append("- ");
            appendYamlScalar(out, item);
            end();
        }
    }
    // A top-level key holding one flow-mapping line per item, or [] when there are none.
    void flowItems(const char* k, const QStringList& items)
    {
        if (items.isEmpty()) {
            key(0, k, QStringLiteral("[]"));
            return;
        }
        line(0, QLatin1String(k) + QLatin1Char(':'));
        for (const QString& item : items)
            line(1, QStringLiteral("- ") + item);
    }

private:
    static constexpr qsizetype kChunk = 1 << 20;
    QIODevice& m_device;
    ByteSink m_out;
};

QString flowList(const QStringList& scalars)
{
    QStringList quoted;
    for (const QString& s : scalars)
        quoted.append(yamlScalar(s));
    return QLatin1Char('[') + quoted.join(QStringLiteral(", ")) + QLatin1Char(']');
}

double fraction(qint64 part, qint64 total)
{
    return total > 0 ? double(part) / double(total) : 0.0;
}

// Every op name as a YAML scalar: each is written in the inventory, in the scores that name it exactly and
// once per profile, but decided once. A plain name (nearly all) is its ASCII text, narrowed where it is
// written; only the others are kept, quoted, so a million-op file holds no second copy of its names.
class NameScalars
{
public:
    explicit NameScalars(const Inventory& inventory)
        : m_inventory(inventory)
        , m_quotedAt(size_t(inventory.size()), -1)
    {
        ByteSink scalar;
        for (int op = 0; op < inventory.size(); ++op) {
            scalar.clear(); // keeps the capacity: no allocation per name
            appendYamlScalar(scalar, inventory.at(op).name);
            if (scalar.view().startsWith('"')) {
                m_quotedAt[size_t(op)] = int(m_quoted.size());
                m_quoted.push_back(scalar.toByteArray());
            }
        }
    }
    void append(ByteSink& out, int op) const
    {
        const int quoted = m_quotedAt[size_t(op)];
        if (quoted >= 0)
            return out.append(m_quoted[size_t(quoted)]);
        appendPlain(out, op);
    }
    // The name of order[k], for a list written in that order: the names some rows ahead are fetched
    // meanwhile, since in name order each lives far from the last.
    void appendListed(ByteSink& out, const std::vector<int>& order, size_t k) const
    {
#if defined(__GNUC__) || defined(__clang__)
        if (k + 16 < order.size())
            __builtin_prefetch(&m_inventory.at(order[k + 16]));
        if (k + 8 < order.size())
            __builtin_prefetch(m_inventory.at(order[k + 8]).name.constData());
#endif
        append(out, order[k]);
    }
    // The name as it reads between the quotes of a longer quoted scalar: a plain name needs no escape.
    void appendEscaped(ByteSink& out, int op) const
    {
        const int quoted = m_quotedAt[size_t(op)];
        if (quoted >= 0) {
            const QByteArrayView scalar(m_quoted[size_t(quoted)]);
            return out.append(scalar.sliced(1, scalar.size() - 2));
        }
        appendPlain(out, op);
    }

private:
    void appendPlain(ByteSink& out, int op) const
    {
        const QString& name = m_inventory.at(op).name;
        char* dst = out.growBy(name.size());
        for (const QChar c : name)
            *dst++ = char(c.unicode()); // plain is ASCII
    }

    const Inventory& m_inventory;
    std::vector<int> m_quotedAt; // per op: index into m_quoted, -1 when plain
    std::vector<QByteArray> m_quoted;
};

void writeInventory(Writer& w, const Project& project, const NameScalars& names)
{
    const Inventory& inv = project.inventory();
    w.line(0, QStringLiteral("inventory:"));
    w.key(1, "source", yamlScalar(inv.source()));
    w.key(1, "fingerprint", yamlScalar(inv.fingerprint()));
    w.key(1, "from_rankings", yamlBool(project.inventoryFromRankings()));
    w.key(1, "ops_total", yamlNumber(qint64(inv.size())));
    w.key(1, "params_total", yamlNumber(inv.totalParams()));
    w.key(1, "columns", QStringLiteral("[name, op_type, component, layer, params]"));
    w.line(1, QStringLiteral("ops:"));
    for (int i = 0; i < inv.size(); ++i) {
        const Op& op = inv.at(i);
        ByteSink& out = w.begin(1);
        out.append("- [");
        names.append(out, i);
        out.append(", ");
        appendYamlScalar(out, op.opType);
        out.append(", ");
        appendYamlScalar(out, op.component);
        out.append(", ");
        appendYamlNumber(out, qint64(op.layer));
        out.append(", ");
        appendYamlNumber(out, op.params);
        out.append(']');
        w.end();
    }
}

// One score row; trailing cells that hold their defaults are left out.
void appendScoreRow(ByteSink& out, const MetricEntry& e, const NameScalars& names, int sharedOp)
{
    const bool defaults[]
        = { false, false, e.opType.isEmpty(), e.groupLeader.isEmpty(), std::isnan(e.cost), e.candidate };
    int size = 6;
    while (size > 2 && defaults[size - 1])
        --size;
    out.append("- [");
    if (sharedOp >= 0)
        names.append(out, sharedOp);
    else
        appendYamlScalar(out, e.name);
    out.append(", ");
    appendYamlNumber(out, e.value);
    if (size > 2) {
        out.append(", ");
        appendYamlScalar(out, e.opType);
    }
    if (size > 3) {
        out.append(", ");
        appendYamlScalar(out, e.groupLeader);
    }
    if (size > 4) {
        out.append(", ");
        if (std::isnan(e.cost))
            out.append("null");
        else
            appendYamlNumber(out, e.cost);
    }
    if (size > 5)
        out.append(e.candidate ? ", true" : ", false");
    out.append(']');
}

void writeFacts(Writer& w, const Metric& metric)
{
    if (metric.facts.empty()) {
        w.key(2, "run", QStringLiteral("{}"));
        return;
    }
    w.line(2, QStringLiteral("run:"));
    for (const auto& [key, value] : metric.facts)
        w.line(3, yamlScalar(key) + QStringLiteral(": ") + yamlScalar(value));
}

// What the values are worth, per inventory op (derived: recomputed on load, never read back).
void writeEvidence(Writer& w, const Metric& metric, const OpScores& scores)
{
    w.key(2, "all_measured", yamlBool(metric.allMeasured));
    const std::array<int, 4> counts = scores.countByEvidence();
    w.key(2, "evidence",
        QStringLiteral("{measured: %1, not_candidate: %2, no_signal: %3, missing: %4}")
            .arg(counts[size_t(Evidence::Measured)])
            .arg(counts[size_t(Evidence::NotCandidate)])
            .arg(counts[size_t(Evidence::NoSignal)])
            .arg(counts[size_t(Evidence::Missing)]));
    QStringList gaps;
    for (const SignalGap& gap : scores.gaps)
        gaps.append(gap.describe());
    w.list(2, "no_signal", gaps);
}

void writeSources(Writer& w, const Project& project, const NameScalars& names)
{
    if (project.metrics().empty()) {
        w.line(0, QStringLiteral("sources: []"));
        return;
    }
    w.line(0, QStringLiteral("sources:"));
    for (size_t m = 0; m < project.metrics().size(); ++m) {
        const Metric& metric = project.metrics()[m];
        const Reconciliation& rec = project.reconciliations()[m];
        w.line(1, QStringLiteral("- id: ") + yamlScalar(metric.id));
        w.key(2, "label", yamlScalar(metric.label));
        w.key(2, "key", yamlScalar(metric.key));
        w.key(2, "format", yamlScalar(metric.format));
        w.key(2, "file", yamlScalar(metric.file));
        w.key(2, "sha256", yamlScalar(metric.fileSha256));
        w.key(2, "polarity", polarityName(metric.polarity()));
        w.key(2, "flipped", yamlBool(metric.flipped));
        w.key(2, "values_are_ranks", yamlBool(metric.valuesAreRanks));
        w.key(2, "number_format", yamlScalar(metric.numberFormat));
        w.key(2, "effective_bits",
            std::isnan(metric.effectiveBits) ? QStringLiteral("null") : yamlNumber(metric.effectiveBits));
        writeFacts(w, metric);
        w.key(2, "note", yamlScalar(metric.note));
        writeEvidence(w, metric, project.scores()[m]);
        w.key(2, "entries", yamlNumber(qint64(metric.entries.size())));
        w.key(2, "matched", yamlNumber(qint64(rec.matchedCount())));
        if (rec.countByHow.isEmpty()) {
            w.key(2, "matched_how", QStringLiteral("{}"));
        } else {
            w.line(2, QStringLiteral("matched_how:"));
            for (auto it = rec.countByHow.cbegin(); it != rec.countByHow.cend(); ++it)
                w.line(3, yamlScalar(it.key()) + QStringLiteral(": ") + yamlNumber(qint64(it.value())));
        }
        w.list(2, "unmatched", rec.unmatched);
        w.list(2, "ambiguous", rec.ambiguous);
        w.key(2, "columns", QStringLiteral("[name, value, op_type, group_leader, cost, candidate]"));
        w.line(2, QStringLiteral("scores:"));
        for (size_t e = 0; e < metric.entries.size(); ++e) {
            // A name the inventory shares (an exact match) has its scalar decided already.
            const int op = e < rec.ops.size() ? rec.ops[e] : -1;
            const bool shared = op >= 0
                && metric.entries[e].name.constData() == project.inventory().at(op).name.constData();
            appendScoreRow(w.begin(2), metric.entries[e], names, shared ? op : -1);
            w.end();
        }
    }
}

void writeRules(Writer& w, const RuleSet& rules)
{
    if (rules.isEmpty()) {
        w.line(0, QStringLiteral("rules: []"));
        return;
    }
    w.line(0, QStringLiteral("rules:"));
    for (const Rule& r : rules.rules()) {
        w.line(1, QStringLiteral("- name: ") + yamlScalar(r.name));
        w.key(2, "action", actionName(r.action));
        w.key(2, "enabled", yamlBool(r.enabled));
        w.key(2, "reason", yamlScalar(r.reason));
        w.line(2, QStringLiteral("match:"));
        w.key(3, "name", yamlScalar(r.namePattern));
        w.key(3, "syntax", syntaxName(r.syntax));
        w.key(3, "op_type", flowList(r.opTypes));
        w.key(3, "not_op_type", flowList(r.excludedOpTypes));
        w.key(3, "component", flowList(r.components));
        w.key(3, "layers", QStringLiteral("[%1, %2]").arg(r.layerFrom).arg(r.layerTo));
    }
}

void writeOverrides(Writer& w, const std::vector<Override>& overrides)
{
    QStringList items;
    for (const Override& o : overrides)
        items.append(QStringLiteral("{op: %1, action: %2, note: %3}")
                         .arg(yamlScalar(o.op), overrideActionName(o.action), yamlScalar(o.note)));
    w.flowItems("overrides", items);
}

// The agreement of each stated pair of metrics, in statedPairs order: the costliest part of the file to
// compute (sorts over every op), so write() runs it on a second thread beside the sections before it.
std::vector<Agreement> agreements(const Project& project)
{
    std::vector<Agreement> out;
    const int count = int(project.scores().size());
    if (count < 2)
        return out;
    int cached = -1; // the pairs come by their first metric: its values once, not once per pair
    std::vector<double> first;
    for (const auto& [a, b] : Agreement::statedPairs(count)) {
        if (a != cached)
            first = project.orientedValues(cached = a);
        out.push_back(Agreement::compute(first, project.orientedValues(b)));
    }
    return out;
}

void writeCombination(Writer& w, const Project& project, const std::vector<Agreement>& stated)
{
    w.line(0, QStringLiteral("combination:"));
    w.key(1, "method", yamlScalar(project.combine().toString()));
    w.key(1, "fuse_groups", yamlBool(project.fuseGroups()));
    const auto& scores = project.scores();
    if (scores.size() < 2) {
        w.line(1, QStringLiteral("agreement: []"));
        return;
    }
    w.line(1, QStringLiteral("agreement:"));
    if (scores.size() > size_t(Agreement::kAllPairsUpTo))
        w.line(1,
            QStringLiteral("# more than %1 sources: each against the first (all pairs would grow with the "
                           "square)")
                .arg(Agreement::kAllPairsUpTo));
    const std::vector<std::pair<int, int>> pairs = Agreement::statedPairs(int(scores.size()));
    for (size_t i = 0; i < pairs.size(); ++i) {
        const auto& [a, b] = pairs[i];
        const Agreement& ag = stated[i];
        w.line(1,
            QStringLiteral("- {a: %1, b: %2, common_ops: %3, spearman: %4, kendall: %5, top_k: %6, "
                           "top_k_overlap: %7}")
                .arg(yamlScalar(scores[size_t(a)].metricId), yamlScalar(scores[size_t(b)].metricId))
                .arg(ag.common)
                .arg(yamlNumber(std::round(ag.spearman * 1e6) / 1e6),
                    yamlNumber(std::round(ag.kendall * 1e6) / 1e6))
                .arg(ag.topK)
                .arg(yamlNumber(std::round(ag.topKOverlap * 1e6) / 1e6)));
    }
}

// Project::keepReason as a YAML scalar, without a QString per kept op and profile. A reason that names a
// rule, a note or an op holds ':', so it is always quoted; the escaped text of a quoted name is its scalar
// without the quotes, and a plain name needs no escape.
class KeepReasons
{
public:
    KeepReasons(const Project& project, const NameScalars& names)
        : m_ranking(project.ranking())
        , m_names(names)
    {
        for (const Rule& rule : project.rules().rules())
            m_rules.push_back(scalar(KeepCause::ruleReason(rule.name)));
        for (const Override& o : project.overrides())
            m_overrides.push_back(scalar(KeepCause::overrideReason(o.note)));
    }
    // The reason of an op its profile keeps.
    void append(ByteSink& out, int op) const
    {
        const KeepCause cause = KeepCause::of(m_ranking, op);
        switch (cause.kind) {
        case KeepCause::Kind::Rule:
            return out.append(m_rules[size_t(cause.index)]);
        case KeepCause::Kind::Override:
            return out.append(m_overrides[size_t(cause.index)]);
        case KeepCause::Kind::Fused:
            // Always quoted (':' is no plain character); a name's escaped text is its scalar unquoted.
            out.append("\"");
            out.append(QByteArrayView(KeepCause::kFusedPrefix.data(), KeepCause::kFusedPrefix.size()));
            m_names.appendEscaped(out, cause.index);
            return out.append("\"");
        default: {
            const QLatin1StringView word = KeepCause::word(cause.kind);
            return out.append(QByteArrayView(word.data(), word.size()));
        }
        }
    }

private:
    static QByteArray scalar(const QString& text)
    {
        ByteSink out;
        appendYamlScalar(out, text);
        return out.toByteArray();
    }
    const Ranking& m_ranking;
    const NameScalars& m_names;
    std::vector<QByteArray> m_rules;
    std::vector<QByteArray> m_overrides;
};

// The quantize and keep lists streamed from the inventory's name order, as Project::lists() holds them.
void writeProfileLists(
    Writer& w, const Project& project, int profile, const NameScalars& names, const KeepReasons& reasons)
{
    const std::vector<int>& byName = project.inventory().byName();
    std::vector<bool> quantized(byName.size()); // in name order, asked once per op
    for (size_t k = 0; k < byName.size(); ++k)
        quantized[k] = project.isQuantized(byName[k], profile);
    const auto quantizedCount = qsizetype(std::count(quantized.begin(), quantized.end(), true));
    if (quantizedCount == 0) {
        w.line(2, QStringLiteral("quantize: []"));
    } else {
        w.line(2, QStringLiteral("quantize:"));
        for (size_t k = 0; k < byName.size(); ++k) {
            if (!quantized[k])
                continue;
            ByteSink& out = w.begin(2);
            out.append("- ");
            names.appendListed(out, byName, k);
            w.end();
        }
    }
    if (quantizedCount == qsizetype(byName.size())) {
        w.line(2, QStringLiteral("keep: []"));
        return;
    }
    w.line(2, QStringLiteral("keep:"));
    for (size_t k = 0; k < byName.size(); ++k) {
        if (quantized[k])
            continue;
        ByteSink& out = w.begin(2);
        out.append("- {op: ");
        names.appendListed(out, byName, k);
        out.append(", reason: ");
        reasons.append(out, byName[k]);
        out.append('}');
        w.end();
    }
}

void writeProfiles(Writer& w, const Project& project, const NameScalars& names)
{
    const KeepReasons reasons(project, names);
    w.key(0, "cut_by", CutPlan::cutByName(project.cutPlan().by));
    w.key(0, "order", CutPlan::orderName(project.cutPlan().order));
    w.line(0, QStringLiteral("profiles:"));
    const qint64 opsTotal = project.inventory().size();
    const qint64 paramsTotal = project.inventory().totalParams();
    for (int p = 0; p < project.profileCount(); ++p) {
        const ProfileSpec& spec = project.cutPlan().profiles[size_t(p)];
        const ProfileCut& cut = project.cuts()[size_t(p)];
        w.line(1, QStringLiteral("- name: ") + yamlScalar(spec.name));
        w.key(2, "label", yamlScalar(spec.label));
        w.key(2, "cut", yamlNumber(spec.cut));
        w.line(2, QStringLiteral("stats:"));
        w.key(3, "ops_quantized", yamlNumber(cut.ops));
        w.key(3, "ops_total", yamlNumber(opsTotal));
        w.key(3, "ops_fraction", yamlNumber(std::round(fraction(cut.ops, opsTotal) * 1e6) / 1e6));
        w.key(3, "params_quantized", yamlNumber(cut.params));
        w.key(3, "params_total", yamlNumber(paramsTotal));
        w.key(3, "params_fraction", yamlNumber(std::round(fraction(cut.params, paramsTotal) * 1e6) / 1e6));
        writeProfileLists(w, project, p, names, reasons);
    }
}

void writeViolations(Writer& w, const std::vector<Violation>& violations)
{
    QStringList items;
    for (const Violation& v : violations)
        items.append(QStringLiteral("{severity: %1, kind: %2, profile: %3, op: %4, message: %5}")
                         .arg(severityName(v.severity), kindName(v.kind), yamlScalar(v.profile),
                             yamlScalar(v.op), yamlScalar(v.message)));
    w.flowItems("violations", items);
}

// ---- reading -------------------------------------------------------------------------------------

class Reader
{
public:
    Reader(QString file, const QByteArray& data)
        : m_file(std::move(file))
        , m_budget(data, m_file)
    { }

    [[noreturn]] void fail(const YAML::Node& at, const QString& message) const
    {
        throw FileError(m_file, at.Mark().is_null() ? 0 : at.Mark().line + 1, message);
    }
    // The value of a key, undefined when absent; `map` must be a mapping.
    YAML::Node child(const YAML::Node& map, const char* key) const
    {
        if (!map.IsMap())
            fail(map, QStringLiteral("expected a mapping holding '%1'").arg(QLatin1String(key)));
        return map[key];
    }
    YAML::Node require(const YAML::Node& map, const char* key) const
    {
        const YAML::Node node = child(map, key);
        if (!node)
            fail(map, QStringLiteral("missing key '%1'").arg(QLatin1String(key)));
        return node;
    }
    QString text(const YAML::Node& node) const
    {
        if (!node.IsScalar() && !node.IsNull())
            fail(node, QStringLiteral("expected a text value"));
        m_budget.spend(node);
        return node.IsNull() ? QString() : QString::fromStdString(node.Scalar());
    }
    QString text(const YAML::Node& map, const char* key) const { return text(require(map, key)); }
    // A key that must hold one of two words: true for the first. `what` names it in the message.
    bool choice(
        const YAML::Node& map, const char* key, const char* first, const char* second, const char* what) const
    {
        const QString value = text(map, key);
        if (value != QLatin1String(first) && value != QLatin1String(second))
            fail(child(map, key),
                QStringLiteral("%1 must be %2 or %3, found '%4'")
                    .arg(QLatin1String(what), QLatin1String(first), QLatin1String(second), value));
        return value == QLatin1String(first);
    }
    QString optionalText(const YAML::Node& map, const char* key) const
    {
        const YAML::Node node = child(map, key);
        return node ? text(node) : QString();
    }
    template<typename T> T number(const YAML::Node& node) const
    {
        m_budget.spend(node);
        try {
            return node.as<T>();
        } catch (const YAML::Exception&) {
            fail(node, QStringLiteral("expected a number, found '%1'").arg(text(node)));
        }
    }
    bool boolean(const YAML::Node& map, const char* key, bool fallback) const
    {
        const YAML::Node node = child(map, key);
        return node ? boolean(node) : fallback;
    }
    bool boolean(const YAML::Node& node) const
    {
        m_budget.spend(node);
        try {
            return node.as<bool>();
        } catch (const YAML::Exception&) {
            fail(node, QStringLiteral("expected true or false, found '%1'").arg(text(node)));
        }
    }
    QStringList strings(const YAML::Node& node) const
    {
        QStringList out;
        if (!node || node.IsNull())
            return out;
        if (!node.IsSequence())
            fail(node, QStringLiteral("expected a list"));
        for (const YAML::Node& item : node)
            out.append(text(item));
        return out;
    }
    YAML::Node sequence(const YAML::Node& map, const char* key) const
    {
        const YAML::Node node = require(map, key);
        if (!node.IsSequence())
            fail(node, QStringLiteral("'%1' must be a list").arg(QLatin1String(key)));
        return node;
    }
    const QString& file() const { return m_file; }

private:
    QString m_file;
    mutable YamlBudget m_budget;
};

Inventory readInventory(const Reader& r, const YAML::Node& root, bool& fromRankings)
{
    const YAML::Node node = r.require(root, "inventory");
    fromRankings = r.boolean(node, "from_rankings", false);
    std::vector<Op> ops;
    const YAML::Node rows = r.sequence(node, "ops");
    ops.reserve(rows.size());
    QSet<QString> seen;
    ParamTotal total(r.file());
    for (const YAML::Node& row : rows) {
        if (!row.IsSequence() || row.size() != 5)
            r.fail(row, QStringLiteral("an inventory op is [name, op_type, component, layer, params]"));
        Op op { r.text(row[0]), r.text(row[1]), r.text(row[2]), r.number<int>(row[3]),
            r.number<qint64>(row[4]) };
        if (op.layer < -1 || op.params < -1)
            r.fail(row, QStringLiteral("an inventory op's layer and params are -1 (none, unknown) or more"));
        total.add(op.params, row.Mark().line + 1);
        if (op.name.isEmpty())
            r.fail(row, QStringLiteral("an inventory op has an empty name"));
        if (seen.contains(op.name))
            r.fail(row, QStringLiteral("duplicate op name '%1' in the inventory").arg(op.name));
        seen.insert(op.name);
        ops.push_back(std::move(op));
    }
    return Inventory(std::move(ops), r.optionalText(node, "source"));
}

Metric readSource(const Reader& r, const YAML::Node& node)
{
    Metric m;
    m.id = r.text(node, "id");
    m.label = r.optionalText(node, "label");
    m.key = r.optionalText(node, "key");
    m.format = r.optionalText(node, "format");
    m.file = r.optionalText(node, "file");
    m.fileSha256 = r.optionalText(node, "sha256");
    m.note = r.optionalText(node, "note");
    const std::optional<Polarity> polarity = parsePolarity(r.text(node, "polarity"));
    if (!polarity)
        r.fail(r.child(node, "polarity"),
            QStringLiteral("polarity must be higher-is-more-sensitive or lower-is-more-sensitive"));
    m.flipped = r.boolean(node, "flipped", false);
    m.sourcePolarity = m.flipped ? flipped(*polarity) : *polarity;
    m.valuesAreRanks = r.boolean(node, "values_are_ranks", false);
    m.allMeasured = r.boolean(node, "all_measured", false);
    m.numberFormat = r.optionalText(node, "number_format");
    if (const YAML::Node bits = r.child(node, "effective_bits"); bits && !bits.IsNull())
        m.effectiveBits = r.number<double>(bits);
    if (const YAML::Node run = r.child(node, "run")) {
        if (!run.IsMap())
            r.fail(run, QStringLiteral("run must be a mapping of facts"));
        for (const auto& fact : run)
            m.facts.emplace_back(r.text(fact.first), r.text(fact.second));
    }
    const YAML::Node scores = r.sequence(node, "scores");
    m.entries.reserve(scores.size());
    for (const YAML::Node& row : scores) {
        if (!row.IsSequence() || row.size() < 2 || row.size() > 6)
            r.fail(
                row, QStringLiteral("a score is [name, value, op_type?, group_leader?, cost?, candidate?]"));
        MetricEntry e;
        e.name = r.text(row[0]);
        e.value = r.number<double>(row[1]);
        if (!std::isfinite(e.value))
            r.fail(row[1], QStringLiteral("score of '%1' is not a finite number").arg(e.name));
        if (row.size() > 2)
            e.opType = r.text(row[2]);
        if (row.size() > 3)
            e.groupLeader = r.text(row[3]);
        if (row.size() > 4 && !row[4].IsNull())
            e.cost = r.number<double>(row[4]);
        if (row.size() > 5)
            e.candidate = r.boolean(row[5]);
        e.line = row.Mark().line + 1;
        m.entries.push_back(std::move(e));
    }
    return m;
}

Rule readRule(const Reader& r, const YAML::Node& node)
{
    Rule rule;
    rule.name = r.text(node, "name");
    rule.action
        = r.choice(node, "action", "keep", "allow", "rule action") ? Rule::Action::Keep : Rule::Action::Allow;
    rule.enabled = r.boolean(node, "enabled", true);
    rule.reason = r.optionalText(node, "reason");
    const YAML::Node match = r.require(node, "match");
    rule.namePattern = r.optionalText(match, "name");
    rule.syntax = !r.child(match, "syntax") || r.choice(match, "syntax", "glob", "regex", "syntax")
        ? Rule::Syntax::Glob
        : Rule::Syntax::Regex;
    rule.opTypes = r.strings(r.child(match, "op_type"));
    rule.excludedOpTypes = r.strings(r.child(match, "not_op_type"));
    rule.components = r.strings(r.child(match, "component"));
    if (const YAML::Node layers = r.child(match, "layers")) {
        if (!layers.IsSequence() || layers.size() != 2)
            r.fail(layers, QStringLiteral("layers is [from, to], -1 for open"));
        rule.layerFrom = r.number<int>(layers[0]);
        rule.layerTo = r.number<int>(layers[1]);
    }
    const CompiledRule compiled(rule);
    if (!compiled.isValid())
        r.fail(match, compiled.error());
    return rule;
}

Override readOverride(const Reader& r, const YAML::Node& node)
{
    Override o;
    o.op = r.text(node, "op");
    o.action = r.choice(node, "action", "keep", "int8", "override action") ? Override::Action::Keep
                                                                           : Override::Action::Int8;
    o.note = r.optionalText(node, "note");
    return o;
}

ProfileLists readProfile(const Reader& r, const YAML::Node& node)
{
    ProfileLists lists;
    lists.spec.name = r.text(node, "name");
    if (lists.spec.name == QLatin1String(ProfileSpec::kReservedName))
        r.fail(node["name"],
            QStringLiteral("profile name 'baseline' is reserved: outcomes call the unquantized model so"));
    lists.spec.label = r.optionalText(node, "label");
    lists.spec.cut = r.number<double>(r.require(node, "cut"));
    lists.quantize = r.strings(r.require(node, "quantize"));
    const YAML::Node keep = r.require(node, "keep");
    if (!keep.IsSequence())
        r.fail(keep, QStringLiteral("'keep' must be a list of {op, reason}"));
    for (const YAML::Node& item : keep)
        lists.keep.emplace_back(r.text(item, "op"), r.optionalText(item, "reason"));
    return lists;
}
} // namespace

QByteArray ProfileDocument::toYaml(const Project& project, const std::vector<Violation>& violations)
{
    QByteArray yaml;
    QBuffer buffer(&yaml);
    buffer.open(QIODevice::WriteOnly);
    write(project, violations, buffer);
    return yaml;
}

void ProfileDocument::write(
    const Project& project, const std::vector<Violation>& violations, QIODevice& device)
{
    Writer w(device);
    w.line(
        0, QStringLiteral("# QuantCut profile file. Schema: resources/schema/quantcut-profiles.schema.json"));
    w.line(0,
        QStringLiteral(
            "# INT8 W8A8 here: weights int8 per-channel symmetric, activations int8 per-tensor static."));
    w.key(0, "quantcut_profiles", QString::number(kFormatVersion));
    w.key(0, "generator", QStringLiteral("quantcut " QUANTCUT_VERSION));
    w.line(0, QStringLiteral("numeric_format:"));
    w.key(1, "weights", QStringLiteral("int8 per-channel symmetric"));
    w.key(1, "activations", QStringLiteral("int8 per-tensor static"));
    w.key(1, "kept", yamlScalar(QStringLiteral("higher precision (the model's bf16/fp16/fp32)")));
    // Started first, waited for when the combination is written: the inventory and the sources are written
    // meanwhile. The result is the same whichever thread computes it.
    std::future<std::vector<Agreement>> stated
        = std::async(std::launch::async, [&project] { return agreements(project); });
    const NameScalars names(project.inventory());
    writeInventory(w, project, names);
    writeSources(w, project, names);
    writeCombination(w, project, stated.get());
    writeRules(w, project.rules());
    writeOverrides(w, project.overrides());
    writeProfiles(w, project, names);
    writeViolations(w, violations);
    w.flush();
    device.write(outcomesYaml(project.outcomes()));
}

ProfileDocument::Loaded ProfileDocument::load(const QString& path)
{
    return parse(readTextInput(path), path);
}

ProfileDocument::Loaded ProfileDocument::parse(const QByteArray& data, const QString& path)
{
    try {
        return readDocument(data, path);
    } catch (const YAML::Exception& e) {
        throw yamlError(e, path);
    }
}

ProfileDocument::Loaded ProfileDocument::readDocument(const QByteArray& data, const QString& path)
{
    const Reader r(path, data);
    const YAML::Node root = parseYaml(data, path);
    if (!root.IsMap() || !root["quantcut_profiles"])
        throw FileError(
            path, 1, QStringLiteral("not a QuantCut profile file (no 'quantcut_profiles' version key)"));
    const int version = r.number<int>(root["quantcut_profiles"]);
    if (version > kFormatVersion || version < 1)
        r.fail(root["quantcut_profiles"],
            QStringLiteral("format version %1 is not supported (this build reads version %2)")
                .arg(version)
                .arg(kFormatVersion));

    Loaded loaded;
    ProjectInputs inputs;
    inputs.inventory = readInventory(r, root, inputs.inventoryFromRankings);

    std::vector<Metric> metrics;
    const YAML::Node sources = r.sequence(root, "sources");
    if (sources.size() > size_t(kMaxMetrics))
        r.fail(sources, tooManyMetrics(qsizetype(sources.size())));
    QSet<QString> ids;
    for (const YAML::Node& node : sources) {
        metrics.push_back(readSource(r, node));
        if (ids.contains(metrics.back().id))
            r.fail(node, QStringLiteral("source id '%1' is used twice").arg(metrics.back().id));
        ids.insert(metrics.back().id);
    }
    inputs.metrics = std::move(metrics);

    const YAML::Node combination = r.require(root, "combination");
    try {
        inputs.combine = CombineSpec::parse(r.text(combination, "method"));
    } catch (const std::invalid_argument& e) {
        r.fail(combination["method"], QString::fromStdString(e.what()));
    }
    inputs.fuseGroups = r.boolean(combination, "fuse_groups", true);

    std::vector<Rule> rules;
    for (const YAML::Node& node : r.sequence(root, "rules"))
        rules.push_back(readRule(r, node));
    inputs.rules = RuleSet(std::move(rules));
    std::vector<Override> overrides;
    for (const YAML::Node& node : r.sequence(root, "overrides"))
        overrides.push_back(readOverride(r, node));
    inputs.overrides = std::move(overrides);

    CutPlan plan;
    const std::optional<CutPlan::CutBy> by = CutPlan::parseCutBy(r.text(root, "cut_by"));
    if (!by)
        r.fail(root["cut_by"], QStringLiteral("cut_by must be ops, params, count, score, bits or memory-gb"));
    plan.by = *by;
    if (root["order"]) {
        const std::optional<CutPlan::Order> order = CutPlan::parseOrder(r.text(root, "order"));
        if (!order)
            r.fail(root["order"], QStringLiteral("order must be score or score-per-param"));
        plan.order = *order;
    }
    const YAML::Node profiles = r.sequence(root, "profiles");
    if (profiles.size() < 1 || profiles.size() > size_t(CutPlan::kMaxProfiles))
        r.fail(profiles, QStringLiteral("a file holds 1 to 8 profiles, found %1").arg(profiles.size()));
    for (const YAML::Node& node : profiles) {
        loaded.storedLists.push_back(readProfile(r, node));
        plan.profiles.push_back(loaded.storedLists.back().spec);
        // A cut outside its measure's domain (NaN, negative, a fraction above 1) would quantize nonsense.
        if (const QString error = plan.cutError(plan.profiles.back()); !error.isEmpty())
            r.fail(r.child(node, "cut"), error);
    }
    inputs.cutPlan = std::move(plan);
    inputs.outcomes = readOutcomes(root, path);
    try {
        loaded.project = Project(std::move(inputs));
    } catch (const std::invalid_argument& e) {
        throw FileError(path, QString::fromStdString(e.what()));
    }
    return loaded;
}

RuleSet ProfileDocument::loadRules(const QString& path)
{
    const QByteArray data = readTextInput(path);
    try {
        const Reader r(path, data);
        const YAML::Node root = parseYaml(data, path);
        std::vector<Rule> rules;
        for (const YAML::Node& node : r.sequence(root, "rules"))
            rules.push_back(readRule(r, node));
        return RuleSet(std::move(rules));
    } catch (const YAML::Exception& e) {
        throw yamlError(e, path);
    }
}

void ProfileDocument::save(
    const Project& project, const std::vector<Violation>& violations, const QString& path)
{
    writeAtomically(path, [&](QIODevice& device) { write(project, violations, device); });
}

} // namespace qc
