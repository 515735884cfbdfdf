#include "NotARanking.h"

#include "ImportSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <yaml-cpp/yaml.h>

namespace qc {

namespace {
bool isPrecisionName(const QString& text)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(u?int\d+|fp\d+|float\d*|bf\d+|bfloat\d+|half|double|mxfp\d+|nvfp\d+|e4m3|e5m2|)"
                       R"(fp8_e4m3fn|none|mixed|fp32_fallback)(_[a-z0-9]+)?$)"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(text.trimmed()).hasMatch();
}

// {op: "fp16", ...} or {"precisions": {op: "int8"}}: every leaf a precision name, none a number.
bool isPrecisionMap(const QJsonObject& object, int depth = 0)
{
    if (object.isEmpty() || depth > 1)
        return false;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue v = it.value();
        if (v.isObject() ? !isPrecisionMap(v.toObject(), depth + 1)
                         : !(v.isString() && isPrecisionName(v.toString())))
            return false;
    }
    return true;
}

// A table rule, or headings of two levels: "# " alone is also a comment in YAML, CSV and logs.
bool isMarkdown(const QByteArray& text)
{
    static const QRegularExpression tableRule(
        QStringLiteral(R"(^\s*\|?\s*:?-{3,}:?\s*\|)"), QRegularExpression::MultilineOption);
    static const QRegularExpression top(QStringLiteral(R"(^# \S)"), QRegularExpression::MultilineOption);
    static const QRegularExpression sub(QStringLiteral(R"(^#{2,6} \S)"), QRegularExpression::MultilineOption);
    const QString head = QString::fromUtf8(text.left(16384));
    const bool looks
        = tableRule.match(head).hasMatch() || (top.match(head).hasMatch() && sub.match(head).hasMatch());
    return looks && !importing::isYamlCollection(text);
}

bool isHydraConfig(const QByteArray& text)
{
    if (!text.contains("defaults:") && !text.contains("_target_:"))
        return false;
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        return root.IsMap()
            && ((root["defaults"] && root["defaults"].IsSequence()) || text.contains("_target_:"));
    } catch (const YAML::Exception&) {
        return false;
    }
}
} // namespace

QString notARanking(const QByteArray& text)
{
    const QByteArray trimmed = text.trimmed();
    if (trimmed.startsWith('{')) {
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed);
        if (doc.isObject() && isPrecisionMap(doc.object()))
            return QStringLiteral("is a precision map (op -> precision) without scores, not a ranking");
        return {};
    }
    if (isMarkdown(trimmed))
        return QStringLiteral("is a Markdown document, not a ranking");
    if (isHydraConfig(trimmed))
        return QStringLiteral("is a Hydra configuration (defaults / _target_), not a ranking");
    return {};
}

} // namespace qc
