#include "RulesModel.h"

#include "ColumnHeaders.h"
#include "ProjectController.h"

namespace qc::gui {

namespace {
QString layerRange(const Rule& r)
{
    if (r.layerFrom < 0 && r.layerTo < 0)
        return {};
    return (r.layerFrom >= 0 ? QString::number(r.layerFrom) : QString()) + QStringLiteral("-")
        + (r.layerTo >= 0 ? QString::number(r.layerTo) : QString());
}
QStringList splitList(const QString& text)
{
    QStringList items = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString& item : items)
        item = item.trimmed();
    items.removeAll(QString());
    return items;
}
} // namespace

RulesModel::RulesModel(ProjectController* controller, QObject* parent)
    : QAbstractTableModel(parent)
    , m_controller(controller)
    , m_rules(controller->project().rules())
{
    auto refresh = [this] {
        if (m_rules == m_controller->project().rules())
            return;
        beginResetModel();
        m_rules = m_controller->project().rules();
        endResetModel();
    };
    connect(controller, &ProjectController::projectReset, this, refresh);
    connect(controller, &ProjectController::rankingChanged, this, refresh);
}

int RulesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rules.rules().size());
}
int RulesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RulesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Rule& r = m_rules.rules()[size_t(index.row())];
    if (index.column() == EnabledColumn) {
        if (role == Qt::CheckStateRole)
            return r.enabled ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return tr("Disabled rules are kept in the file but match nothing");
        return {};
    }
    if (role == Qt::ToolTipRole)
        return r.reason.isEmpty() ? r.name : r.reason;
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return r.name;
    case ActionColumn:
        return actionName(r.action);
    case PatternColumn:
        return r.namePattern;
    case SyntaxColumn:
        return syntaxName(r.syntax);
    case TypesColumn:
        return r.opTypes.join(QStringLiteral(", "));
    case ExcludedTypesColumn:
        return r.excludedOpTypes.join(QStringLiteral(", "));
    case ComponentsColumn:
        return r.components.join(QStringLiteral(", "));
    case LayersColumn:
        return layerRange(r);
    case ReasonColumn:
        return r.reason;
    }
    return {};
}

QVariant RulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char* const titles[ColumnCount] = { "On", "Name", "Action", "Name pattern", "Syntax",
        "Op types", "Excluded types", "Components", "Layers", "Reason" };
    static const char* const tips[ColumnCount]
        = { "Whether the rule applies", "Identifies the rule in keep reasons",
              "keep: stay in higher precision; allow: an exception to an earlier keep rule",
              "Matched against the whole op name; empty = any", "glob (* ? [..]) or regex",
              "Comma-separated op types, any of which matches; empty = any",
              "Comma-separated op types that never match",
              "Comma-separated components (vision, merger, language, ...); empty = any",
              "Inclusive layer range, e.g. 0-3 or 30-; empty = any", "Why, shown in reasons and files" };
    return columnHeader("qc::gui::RulesModel", section, role, titles, tips);
}

Qt::ItemFlags RulesModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return f;
    return index.column() == EnabledColumn ? f | Qt::ItemIsUserCheckable : f | Qt::ItemIsEditable;
}

bool RulesModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    RuleSet rules = m_rules;
    Rule& r = rules.rules()[size_t(index.row())];
    const QString text = value.toString().trimmed();
    if (index.column() == EnabledColumn) {
        if (role != Qt::CheckStateRole)
            return false;
        r.enabled = value.toInt() == Qt::Checked;
        return commit(
            rules, r.enabled ? tr("Enable rule %1").arg(r.name) : tr("Disable rule %1").arg(r.name));
    }
    if (role != Qt::EditRole)
        return false;
    switch (index.column()) {
    case NameColumn:
        if (text.isEmpty())
            return false;
        r.name = text;
        break;
    case ActionColumn:
        if (text != QLatin1String("keep") && text != QLatin1String("allow")) {
            emit editRejected(tr("The action is 'keep' or 'allow', not '%1'").arg(text));
            return false;
        }
        r.action = text == QLatin1String("keep") ? Rule::Action::Keep : Rule::Action::Allow;
        break;
    case PatternColumn:
        r.namePattern = text;
        break;
    case SyntaxColumn:
        if (text != QLatin1String("glob") && text != QLatin1String("regex")) {
            emit editRejected(tr("The syntax is 'glob' or 'regex', not '%1'").arg(text));
            return false;
        }
        r.syntax = text == QLatin1String("glob") ? Rule::Syntax::Glob : Rule::Syntax::Regex;
        break;
    case TypesColumn:
        r.opTypes = splitList(text);
        break;
    case ExcludedTypesColumn:
        r.excludedOpTypes = splitList(text);
        break;
    case ComponentsColumn:
        r.components = splitList(text);
        break;
    case LayersColumn: {
        const QStringList parts = text.split(QLatin1Char('-'));
        bool okFrom = true;
        bool okTo = true;
        r.layerFrom = parts.value(0).trimmed().isEmpty() ? -1 : parts.value(0).trimmed().toInt(&okFrom);
        r.layerTo = parts.size() < 2 ? r.layerFrom
                                     : (parts[1].trimmed().isEmpty() ? -1 : parts[1].trimmed().toInt(&okTo));
        if (!okFrom || !okTo) {
            emit editRejected(tr("Layers are a range like 0-3, 30- or 5, not '%1'").arg(text));
            return false;
        }
        break;
    }
    case ReasonColumn:
        r.reason = text;
        break;
    default:
        return false;
    }
    return commit(rules, tr("Edit rule %1").arg(r.name));
}

bool RulesModel::commit(const RuleSet& rules, const QString& text)
{
    const QStringList errors = m_controller->setRules(rules, text);
    if (!errors.isEmpty()) {
        emit editRejected(errors.join(QLatin1Char('\n')));
        return false;
    }
    return true;
}

void RulesModel::addRule()
{
    RuleSet rules = m_rules;
    Rule rule;
    int n = 1;
    while (rules.contains(QStringLiteral("rule-%1").arg(n)))
        ++n;
    rule.name = QStringLiteral("rule-%1").arg(n);
    rule.enabled = false; // an empty rule would match every op
    rule.reason = tr("added by hand");
    rules.append(rule);
    commit(rules, tr("Add rule %1").arg(rule.name));
}

void RulesModel::removeRule(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    RuleSet rules = m_rules;
    const QString name = rules.rules()[size_t(row)].name;
    rules.rules().erase(rules.rules().begin() + row);
    commit(rules, tr("Remove rule %1").arg(name));
}

void RulesModel::moveRule(int row, int delta)
{
    const int target = row + delta;
    if (row < 0 || row >= rowCount() || target < 0 || target >= rowCount())
        return;
    RuleSet rules = m_rules;
    std::swap(rules.rules()[size_t(row)], rules.rules()[size_t(target)]);
    commit(rules, tr("Move rule %1").arg(rules.rules()[size_t(target)].name));
}

void RulesModel::applyLanguageModelOnlyPreset()
{
    const Rule preset = RuleSet::languageModelOnlyRule();
    RuleSet rules = m_rules;
    for (Rule& r : rules.rules()) {
        if (r.name == preset.name) {
            r = preset; // re-enable and restore it
            commit(rules, tr("Language model only"));
            return;
        }
    }
    rules.append(preset);
    commit(rules, tr("Language model only"));
}

} // namespace qc::gui
