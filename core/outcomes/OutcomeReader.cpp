#include "OutcomeReader.h"

#include "io/CsvTable.h"
#include "io/FileError.h"
#include "io/InputFile.h"
#include "io/Sha256.h"
#include "io/YamlInput.h"

#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <cmath>
#include <yaml-cpp/yaml.h>

namespace qc {

namespace {
const double kNaN = std::numeric_limits<double>::quiet_NaN();

// One row as the file states it, before the target fills what it leaves out.
struct Row
{
    int line = 0;
    QString profile;
    QString framework;
    QString metric;
    double value = 0.0;
    bool higherIsBetter = true;
    double standardError = kNaN;
    QString notes;
};

std::optional<bool> parseBool(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("1") || t == QLatin1String("yes"))
        return true;
    if (t == QLatin1String("false") || t == QLatin1String("0") || t == QLatin1String("no"))
        return false;
    return std::nullopt;
}

// Groups rows into one Outcome per profile, applying the target, and refuses what does not fit: a row
// without profile, framework or metric, a non-finite value, a negative stderr, a value given twice, a metric
// whose direction changes within the file.
class Collector
{
public:
    Collector(QString file, OutcomeReader::Target target)
        : m_file(std::move(file))
        , m_target(std::move(target))
    { }

    [[noreturn]] void fail(int line, const QString& message) const { throw FileError(m_file, line, message); }

    void add(Row row)
    {
        row.profile = row.profile.trimmed();
        row.framework = row.framework.trimmed();
        row.metric = row.metric.trimmed();
        const bool baseline = row.profile == QLatin1String(Outcome::kBaseline);
        if (!m_target.profile.isEmpty()) {
            if (row.profile.isEmpty())
                row.profile = m_target.profile;
            else if (row.profile != m_target.profile && !baseline)
                fail(row.line,
                    QStringLiteral("the row names profile '%1' but the file is attached to profile '%2'")
                        .arg(row.profile, m_target.profile));
        } else if (row.profile.isEmpty()) {
            fail(row.line,
                QStringLiteral("the row names no profile (fill the profile column, or attach the file as "
                               "PROFILE=FILE)"));
        }
        if (row.framework.isEmpty())
            row.framework = row.profile == QLatin1String(Outcome::kBaseline)
                ? QString::fromLatin1(Outcome::kBaseline)
                : m_target.framework;
        if (row.framework.isEmpty())
            fail(row.line,
                QStringLiteral("the row names no framework (fill the framework column, or attach the file as "
                               "PROFILE:FRAMEWORK=FILE)"));
        if (row.metric.isEmpty())
            fail(row.line, QStringLiteral("the row names no metric"));
        if (!std::isfinite(row.value))
            fail(row.line, QStringLiteral("the value of '%1' is not a finite number").arg(row.metric));
        if (!std::isnan(row.standardError) && (!std::isfinite(row.standardError) || row.standardError < 0))
            fail(row.line,
                QStringLiteral("the stderr of '%1' must be a finite number of at least 0").arg(row.metric));
        const QString key = row.profile + QChar(0) + row.framework + QChar(0) + row.metric;
        if (const auto it = m_lines.constFind(key); it != m_lines.cend())
            fail(row.line,
                QStringLiteral("'%1' of profile %2 with %3 is given twice (first on line %4)")
                    .arg(row.metric, row.profile, row.framework)
                    .arg(it.value()));
        m_lines.insert(key, row.line);
        if (const auto it = m_direction.constFind(row.metric); it != m_direction.cend()) {
            if (it.value().first != row.higherIsBetter)
                fail(row.line,
                    QStringLiteral("'%1' is higher_is_better %2 here but %3 on line %4")
                        .arg(row.metric,
                            row.higherIsBetter ? QStringLiteral("true") : QStringLiteral("false"),
                            it.value().first ? QStringLiteral("true") : QStringLiteral("false"))
                        .arg(it.value().second));
        } else {
            m_direction.insert(row.metric, { row.higherIsBetter, row.line });
        }
        auto outcome = std::find_if(
            m_outcomes.begin(), m_outcomes.end(), [&](const Outcome& o) { return o.profile == row.profile; });
        if (outcome == m_outcomes.end()) {
            m_outcomes.push_back({});
            outcome = m_outcomes.end() - 1;
            outcome->profile = row.profile;
            outcome->line = row.line;
        }
        outcome->values.push_back({ row.framework, row.metric, row.value, row.higherIsBetter,
            row.standardError, row.notes.trimmed() });
    }

    std::vector<Outcome> take(const QByteArray& data)
    {
        if (m_outcomes.empty())
            fail(1, QStringLiteral("the results file holds no outcomes"));
        const QString name = QFileInfo(m_file).fileName();
        const QString sha = QString::fromLatin1(Sha256::hex(data));
        for (Outcome& o : m_outcomes) {
            o.file = name;
            o.sha256 = sha;
        }
        return std::move(m_outcomes);
    }

    const OutcomeReader::Target& target() const { return m_target; }

private:
    QString m_file;
    OutcomeReader::Target m_target;
    std::vector<Outcome> m_outcomes;
    QHash<QString, int> m_lines; // (profile, framework, metric) -> line
    QHash<QString, std::pair<bool, int>> m_direction; // metric -> (higher is better, line)
};

void readCsv(const QByteArray& data, Collector& c, const QString& path)
{
    const CsvTable table = CsvTable::parse(data, path);
    const int metric = table.column(QStringLiteral("metric"));
    const int value = table.column(QStringLiteral("value"));
    const int hib = table.column(QStringLiteral("higher_is_better"));
    if (metric < 0 || value < 0 || hib < 0)
        c.fail(1, QStringLiteral("a results CSV needs the columns metric, value and higher_is_better"));
    const int profile = table.column(QStringLiteral("profile"));
    const int framework = table.column(QStringLiteral("framework"));
    const int stderrColumn = table.column(QStringLiteral("stderr"));
    const int notes = table.column(QStringLiteral("notes"));
    const auto cell = [](const CsvTable::Row& r, int column) {
        return column >= 0 && column < r.cells.size() ? r.cells[column].trimmed() : QString();
    };
    for (const CsvTable::Row& r : table.rows()) {
        Row row;
        row.line = r.line;
        row.profile = cell(r, profile);
        row.framework = cell(r, framework);
        row.metric = cell(r, metric);
        bool ok = false;
        row.value = cell(r, value).toDouble(&ok);
        if (!ok)
            c.fail(r.line, QStringLiteral("value '%1' is not a number").arg(cell(r, value)));
        const std::optional<bool> higher = parseBool(cell(r, hib));
        if (!higher)
            c.fail(r.line,
                QStringLiteral("higher_is_better must be true or false, found '%1'").arg(cell(r, hib)));
        row.higherIsBetter = *higher;
        if (const QString se = cell(r, stderrColumn); !se.isEmpty()) {
            row.standardError = se.toDouble(&ok);
            if (!ok)
                c.fail(r.line, QStringLiteral("stderr '%1' is not a number").arg(se));
        }
        row.notes = cell(r, notes);
        c.add(std::move(row));
    }
}

// Scalars of a parsed JSON or YAML document, each failing with the node's line.
class Scalars
{
public:
    Scalars(const Collector& c, const QByteArray& data, const QString& path)
        : m_c(c)
        , m_budget(data, path)
    { }
    QString text(const YAML::Node& node) const
    {
        if (!node || node.IsNull())
            return {};
        if (!node.IsScalar())
            m_c.fail(yamlLine(node), QStringLiteral("expected a text value"));
        m_budget.spend(node);
        return QString::fromStdString(node.Scalar());
    }
    std::optional<double> maybeNumber(const YAML::Node& node) const
    {
        m_budget.spend(node);
        double v = 0.0;
        if (!node.IsScalar() || !YAML::convert<double>::decode(node, v))
            return std::nullopt;
        return v;
    }
    double number(const YAML::Node& node, const char* what) const
    {
        const std::optional<double> v = maybeNumber(node);
        if (!v)
            m_c.fail(yamlLine(node),
                QStringLiteral("%1 '%2' is not a number").arg(QLatin1String(what), text(node)));
        return *v;
    }
    bool boolean(const YAML::Node& node) const
    {
        m_budget.spend(node);
        const std::optional<bool> b = node.IsScalar() ? parseBool(text(node)) : std::nullopt;
        if (!b)
            m_c.fail(yamlLine(node), QStringLiteral("higher_is_better must be true or false"));
        return *b;
    }

private:
    const Collector& m_c;
    mutable YamlBudget m_budget;
};

void readRows(const YAML::Node& root, Collector& c, const Scalars& s)
{
    YAML::Node rows = root;
    if (root.IsMap())
        rows = root["outcomes"];
    if (!rows || !rows.IsSequence())
        c.fail(yamlLine(root),
            QStringLiteral("expected a list of outcome rows, or a mapping with an 'outcomes' list"));
    for (const YAML::Node& node : rows) {
        if (!node.IsMap())
            c.fail(yamlLine(node),
                QStringLiteral("an outcome row is a mapping of profile, framework, metric, value, "
                               "higher_is_better, stderr, notes"));
        Row row;
        row.line = yamlLine(node);
        for (const auto& field : node) {
            const QString key = s.text(field.first);
            static const QStringList known = { QStringLiteral("profile"), QStringLiteral("framework"),
                QStringLiteral("metric"), QStringLiteral("value"), QStringLiteral("higher_is_better"),
                QStringLiteral("stderr"), QStringLiteral("notes") };
            if (!known.contains(key))
                c.fail(yamlLine(field.first),
                    QStringLiteral("unknown key '%1' (known: %2)")
                        .arg(key, known.join(QStringLiteral(", "))));
        }
        for (const char* required : { "metric", "value", "higher_is_better" }) {
            if (!node[required])
                c.fail(row.line, QStringLiteral("the row has no '%1'").arg(QLatin1String(required)));
        }
        row.profile = s.text(node["profile"]);
        row.framework = s.text(node["framework"]);
        row.metric = s.text(node["metric"]);
        row.value = s.number(node["value"], "value");
        row.higherIsBetter = s.boolean(node["higher_is_better"]);
        if (const YAML::Node se = node["stderr"]; se && !se.IsNull())
            row.standardError = s.number(se, "stderr");
        row.notes = s.text(node["notes"]);
        c.add(std::move(row));
    }
}

// lm-evaluation-harness names metrics whose lower values are better in its own task configs; the results
// file says so in `higher_is_better`, older ones do not: these are the ones it ships.
bool lowerIsBetterByName(const QString& metric)
{
    static const QStringList lower = { QStringLiteral("perplexity"), QStringLiteral("word_perplexity"),
        QStringLiteral("byte_perplexity"), QStringLiteral("bits_per_byte"), QStringLiteral("ter"),
        QStringLiteral("wer"), QStringLiteral("cer"), QStringLiteral("loss") };
    return lower.contains(metric);
}

// The framework a model_args string names (a path like /models/qwen-C-modelopt), or empty.
QString frameworkIn(const QString& modelArgs)
{
    const QString t = modelArgs.toLower();
    static const QRegularExpression llmc(QStringLiteral("llm[-_]?compressor"));
    if (t.contains(llmc))
        return QStringLiteral("llmcompressor");
    for (const char* id : { "modelopt", "inc3", "inc2" }) {
        if (t.contains(QLatin1String(id)))
            return QLatin1String(id);
    }
    return {};
}

QString modelArgsText(const YAML::Node& config, const Scalars& s)
{
    const YAML::Node args = config && config.IsMap() ? config["model_args"] : YAML::Node();
    if (!args)
        return {};
    if (args.IsScalar())
        return s.text(args);
    QStringList parts;
    if (args.IsMap()) {
        for (const auto& kv : args)
            parts.append(
                s.text(kv.first) + QLatin1Char('=') + (kv.second.IsScalar() ? s.text(kv.second) : QString()));
    }
    return parts.join(QLatin1Char(','));
}

void readLmEval(const YAML::Node& root, Collector& c, const Scalars& s)
{
    OutcomeReader::Target target = c.target();
    const QString modelArgs = modelArgsText(root["config"], s);
    if (target.profile.isEmpty()) {
        static const QRegularExpression separators(QStringLiteral("[^A-Za-z0-9]+"));
        const QStringList words = modelArgs.split(separators, Qt::SkipEmptyParts);
        QStringList named;
        for (const QString& p : target.profiles) {
            if (words.contains(p))
                named.append(p);
        }
        if (named.size() != 1)
            c.fail(1,
                QStringLiteral(
                    "lm-evaluation-harness results name no profile%1: attach the file as PROFILE=FILE "
                    "(e.g. --outcome B=results.json)")
                    .arg(named.isEmpty() ? QString()
                                         : QStringLiteral(" but several in model_args (%1)")
                                               .arg(named.join(QStringLiteral(", ")))));
        target.profile = named.front();
    }
    QString framework = target.framework;
    if (framework.isEmpty() && target.profile != QLatin1String(Outcome::kBaseline)) {
        framework = frameworkIn(modelArgs);
        if (framework.isEmpty())
            c.fail(1,
                QStringLiteral("lm-evaluation-harness results: config.model_args names no framework (inc2, "
                               "inc3, modelopt, llmcompressor): attach the file as PROFILE:FRAMEWORK=FILE"));
    }
    const YAML::Node results = root["results"];
    if (!results || !results.IsMap())
        c.fail(yamlLine(root), QStringLiteral("lm-evaluation-harness 'results' must be a mapping of tasks"));
    const YAML::Node directions = root["higher_is_better"];
    for (const auto& task : results) {
        const QString taskName = s.text(task.first);
        if (!task.second.IsMap())
            c.fail(yamlLine(task.second),
                QStringLiteral("task '%1' must be a mapping of metrics").arg(taskName));
        for (const auto& entry : task.second) {
            const QString key = s.text(entry.first);
            const qsizetype comma = key.indexOf(QLatin1Char(','));
            if (comma < 0)
                continue; // alias, sample counts: not a metric
            const QString metric = key.left(comma);
            const QString filter = key.mid(comma + 1);
            if (metric.endsWith(QLatin1String("_stderr")))
                continue; // paired with its metric below
            Row row;
            row.line = yamlLine(entry.second);
            row.profile = target.profile;
            row.framework = framework;
            row.metric = taskName + QLatin1Char('/') + metric
                + (filter == QLatin1String("none") ? QString()
                                                   : QLatin1Char('(') + filter + QLatin1Char(')'));
            row.value = s.number(entry.second, "value");
            // "N/A" when lm-eval could not compute it (one sample, bootstrap off): not stated.
            if (const YAML::Node se
                = task.second[QString(metric + QStringLiteral("_stderr,") + filter).toStdString()])
                row.standardError = s.maybeNumber(se).value_or(kNaN);
            row.higherIsBetter = !lowerIsBetterByName(metric);
            // A missing key of a const node is a zombie that throws when asked anything but bool.
            if (const YAML::Node forTask
                = directions.IsMap() ? directions[task.first.Scalar()] : YAML::Node();
                forTask && forTask.IsMap()) {
                if (const YAML::Node d = forTask[metric.toStdString()])
                    row.higherIsBetter = s.boolean(d);
            }
            c.add(std::move(row));
        }
    }
}

QByteArray trimmedStart(const QByteArray& data)
{
    return withoutBom(data).trimmed().left(1);
}
} // namespace

std::optional<OutcomeReader::Format> OutcomeReader::detect(const QByteArray& head)
{
    static const QRegularExpression profileFile(QStringLiteral("(^|\\n)quantcut_profiles\\s*:"));
    const QString text = QString::fromUtf8(withoutBom(head));
    if (text.contains(profileFile))
        return std::nullopt;
    const QByteArray first = trimmedStart(head);
    if (first == "{" || first == "[") {
        if (text.contains(QLatin1String("\"results\""))
            && (text.contains(QLatin1String(",none\"")) || text.contains(QLatin1String("_stderr,"))
                || text.contains(QLatin1String("\"model_args\""))))
            return Format::LmEval;
        if (text.contains(QLatin1String("\"higher_is_better\""))
            && text.contains(QLatin1String("\"metric\"")))
            return Format::Rows;
        return std::nullopt;
    }
    const qsizetype end = text.indexOf(QLatin1Char('\n'));
    QString header = (end < 0 ? text : text.left(end)).trimmed().toLower();
    header.remove(QLatin1Char('"'));
    const char delimiter = CsvTable::detectDelimiter(header.toUtf8());
    if (delimiter != '\0') {
        QStringList columns = header.split(QLatin1Char(delimiter));
        for (QString& column : columns)
            column = column.trimmed();
        if (columns.contains(QLatin1String("metric")) && columns.contains(QLatin1String("value"))
            && columns.contains(QLatin1String("higher_is_better")))
            return Format::Csv;
    }
    static const QRegularExpression yamlKeys(QStringLiteral("\\bhigher_is_better\\s*:"));
    static const QRegularExpression yamlMetric(QStringLiteral("\\bmetric\\s*:"));
    if (text.contains(yamlKeys) && text.contains(yamlMetric))
        return Format::Rows;
    return std::nullopt;
}

QString OutcomeReader::formatName(Format format)
{
    switch (format) {
    case Format::Csv:
        return QStringLiteral("csv");
    case Format::Rows:
        return QStringLiteral("rows");
    case Format::LmEval:
        return QStringLiteral("lm-eval");
    }
    return {};
}

std::vector<Outcome> OutcomeReader::read(const QString& path, const Target& target)
{
    return parse(readTextInput(path), path, target);
}

std::vector<Outcome> OutcomeReader::parse(const QByteArray& data, const QString& path, const Target& target)
{
    requireText(data, path);
    const std::optional<Format> format = detect(data);
    if (!format)
        throw FileError(path, 1,
            QStringLiteral(
                "not a results file: expected a CSV with metric, value and higher_is_better "
                "columns, rows with those keys in JSON or YAML, or lm-evaluation-harness results"));
    Collector c(path, target);
    if (*format == Format::Csv) {
        readCsv(data, c, path);
        return c.take(data);
    }
    try {
        const YAML::Node root = parseYaml(withoutBom(data), path);
        const Scalars s(c, data, path);
        if (*format == Format::LmEval)
            readLmEval(root, c, s);
        else
            readRows(root, c, s);
    } catch (const YAML::Exception& e) {
        throw yamlError(e, path);
    }
    return c.take(data);
}

} // namespace qc
