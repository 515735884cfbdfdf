#include "OutcomesSection.h"

#include "YamlText.h"
#include "io/FileError.h"
#include "io/YamlInput.h"

#include <QHash>
#include <cmath>

namespace qc {

QByteArray outcomesYaml(const std::vector<Outcome>& outcomes)
{
    if (outcomes.empty())
        return {};
    QString out = QStringLiteral("outcomes:\n");
    for (const Outcome& o : outcomes) {
        out += QStringLiteral("  - profile: ") + yamlScalar(o.profile) + QLatin1Char('\n');
        out += QStringLiteral("    file: ") + yamlScalar(o.file) + QLatin1Char('\n');
        out += QStringLiteral("    sha256: ") + yamlScalar(o.sha256) + QLatin1Char('\n');
        out += QStringLiteral("    profile_fingerprint: ") + yamlScalar(o.profileFingerprint)
            + QLatin1Char('\n');
        if (o.values.empty()) {
            out += QStringLiteral("    values: []\n");
            continue;
        }
        out += QStringLiteral("    values:\n");
        for (const OutcomeValue& v : o.values) {
            out += QStringLiteral("      - {framework: %1, metric: %2, value: %3, higher_is_better: %4")
                       .arg(yamlScalar(v.framework), yamlScalar(v.metric), yamlNumber(v.value),
                           yamlBool(v.higherIsBetter));
            if (!std::isnan(v.standardError))
                out += QStringLiteral(", stderr: ") + yamlNumber(v.standardError);
            if (!v.notes.isEmpty())
                out += QStringLiteral(", notes: ") + yamlScalar(v.notes);
            out += QStringLiteral("}\n");
        }
    }
    return out.toUtf8();
}

namespace {
// Reads one entry's scalars, failing with the node's line; counts what it reads so that aliases repeating
// one list cannot make a small file hold millions of values.
class SectionReader
{
public:
    explicit SectionReader(QString file)
        : m_file(std::move(file))
    { }
    [[noreturn]] void fail(const YAML::Node& at, const QString& message) const
    {
        throw FileError(m_file, yamlLine(at), message);
    }
    void spend(const YAML::Node& at)
    {
        if (++m_read > kMaxValues)
            fail(at, QStringLiteral("outcomes hold more than %1 values").arg(kMaxValues));
    }
    YAML::Node require(const YAML::Node& map, const char* key)
    {
        if (!map.IsMap())
            fail(map, QStringLiteral("expected a mapping holding '%1'").arg(QLatin1String(key)));
        const YAML::Node node = map[key];
        if (!node)
            fail(map, QStringLiteral("missing key '%1'").arg(QLatin1String(key)));
        return node;
    }
    QString text(const YAML::Node& node)
    {
        spend(node);
        if (node.IsNull())
            return {};
        if (!node.IsScalar())
            fail(node, QStringLiteral("expected a text value"));
        return QString::fromStdString(node.Scalar());
    }
    double number(const YAML::Node& node)
    {
        spend(node);
        double v = 0.0;
        if (!node.IsScalar() || !YAML::convert<double>::decode(node, v) || !std::isfinite(v))
            fail(node, QStringLiteral("expected a finite number"));
        return v;
    }
    bool boolean(const YAML::Node& node)
    {
        spend(node);
        bool b = false;
        if (!node.IsScalar() || !YAML::convert<bool>::decode(node, b))
            fail(node, QStringLiteral("expected true or false"));
        return b;
    }

private:
    static constexpr int kMaxValues = 10'000'000;
    QString m_file;
    int m_read = 0;
};
} // namespace

std::vector<Outcome> readOutcomes(const YAML::Node& root, const QString& file)
{
    std::vector<Outcome> outcomes;
    const YAML::Node section = root.IsMap() ? root["outcomes"] : YAML::Node();
    if (!section)
        return outcomes;
    SectionReader r(file);
    if (!section.IsSequence())
        r.fail(section, QStringLiteral("'outcomes' must be a list"));
    QHash<QString, int> given; // profile/framework/metric -> line
    QHash<QString, bool> direction;
    for (const YAML::Node& node : section) {
        Outcome o;
        o.profile = r.text(r.require(node, "profile"));
        if (o.profile.isEmpty())
            r.fail(node, QStringLiteral("an outcome names no profile"));
        o.file = r.text(r.require(node, "file"));
        o.sha256 = r.text(r.require(node, "sha256"));
        o.profileFingerprint = r.text(r.require(node, "profile_fingerprint"));
        o.line = yamlLine(node);
        const YAML::Node values = r.require(node, "values");
        if (!values.IsSequence())
            r.fail(values, QStringLiteral("'values' must be a list"));
        for (const YAML::Node& item : values) {
            OutcomeValue v;
            v.framework = r.text(r.require(item, "framework"));
            v.metric = r.text(r.require(item, "metric"));
            if (v.framework.isEmpty() || v.metric.isEmpty())
                r.fail(item, QStringLiteral("an outcome value names no framework or no metric"));
            v.value = r.number(r.require(item, "value"));
            v.higherIsBetter = r.boolean(r.require(item, "higher_is_better"));
            if (const YAML::Node se = item["stderr"]; se && !se.IsNull()) {
                v.standardError = r.number(se);
                if (v.standardError < 0)
                    r.fail(se, QStringLiteral("stderr must be at least 0"));
            }
            if (const YAML::Node notes = item["notes"])
                v.notes = r.text(notes);
            const QString key = o.profile + QChar(0) + v.framework + QChar(0) + v.metric;
            if (given.contains(key))
                r.fail(item,
                    QStringLiteral("'%1' of profile %2 with %3 is given twice (first on line %4)")
                        .arg(v.metric, o.profile, v.framework)
                        .arg(given.value(key)));
            given.insert(key, yamlLine(item));
            if (direction.contains(v.metric) && direction.value(v.metric) != v.higherIsBetter)
                r.fail(item, QStringLiteral("'%1' has two different higher_is_better").arg(v.metric));
            direction.insert(v.metric, v.higherIsBetter);
            o.values.push_back(std::move(v));
        }
        outcomes.push_back(std::move(o));
    }
    return outcomes;
}

} // namespace qc
