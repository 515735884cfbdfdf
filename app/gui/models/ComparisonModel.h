#pragma once

#include "compare/ProfileDiff.h"
#include "project/Project.h"

#include <QAbstractTableModel>
#include <QTimer>
#include <optional>

namespace qc::gui {

class ProjectController;

// One profile of the project against a reference scheme (lm-only, ModelOpt's defaults, or another profile
// file): the diff's counts and, one row per op, where the project's sensitivity ranking and the reference
// disagree, worst first. Recomputed on a short timer, and only while someone looks (setActive), so a drag
// never waits for it.
class ComparisonModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // The layer has its own column: four o_proj rows of different layers must not look alike.
    enum Column { OpColumn, LayerColumn, SensitivityColumn, ProjectColumn, ReferenceColumn, ColumnCount };
    enum Role { OpRole = Qt::UserRole, SortRole };

    explicit ComparisonModel(ProjectController* controller, QObject* parent = nullptr);

    // A built-in scheme by name ("lm-only", "modelopt-default"), built on the project's inventory.
    void setReferenceScheme(const QString& name);
    // Another profile file's project and profile.
    void setReferenceProject(Project reference, int profile, const QString& label);
    void setProfile(int profile);
    void setActive(bool active);

    const std::optional<ProfileDiff>& diff() const { return m_diff; }
    QString summary() const;
    QString referenceLabel() const { return m_referenceLabel; }
    int profile() const { return m_profile; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public slots:
    // Recomputes now (the timer calls it; tests call it directly).
    void refresh();

signals:
    void summaryChanged(const QString& text);

private:
    int layerOf(const QString& op) const; // -1 when the op has none or is not in the inventory
    void schedule();

    ProjectController* m_controller;
    QString m_scheme; // empty when the reference is a file's project
    std::optional<Project> m_reference;
    int m_referenceProfile = 0;
    QString m_referenceLabel;
    int m_profile = -1; // -1: the last profile
    bool m_active = false;
    bool m_stale = true;
    std::optional<ProfileDiff> m_diff;
    QTimer m_timer;
};

} // namespace qc::gui
