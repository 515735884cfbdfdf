#include "EditTexts.h"

#include "project/Project.h"

#include <QCoreApplication>

namespace qc::gui {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("qc::gui::EditTexts", text);
}
} // namespace

QString keepingRuleText(const Project& project, int op)
{
    const Ranking& r = project.ranking();
    if (op < 0 || size_t(op) >= r.rule.size() || r.rule[size_t(op)] < 0)
        return {};
    const auto& rule = project.rules().rules()[size_t(r.rule[size_t(op)])];
    return rule.reason.isEmpty() ? QStringLiteral("'%1'").arg(rule.name)
                                 : QStringLiteral("'%1' (%2)").arg(rule.name, rule.reason);
}

QString forceActionText(const Project& project, int op)
{
    const QString rule = keepingRuleText(project, op);
    return rule.isEmpty() ? tr("Force &INT8") : tr("Force &INT8, breaking rule %1").arg(rule);
}

QString forceInt8Text(const Project& project, int op)
{
    if (op < 0 || op >= project.inventory().size())
        return {};
    const QString& name = project.inventory().at(op).name;
    const QString rule = keepingRuleText(project, op);
    return rule.isEmpty()
        ? tr("Forced %1 to INT8; add a note in the Hand edit column").arg(name)
        : tr("Forced %1 to INT8 against rule %2: an error in every profile").arg(name, rule);
}

} // namespace qc::gui
