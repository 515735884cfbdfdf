#pragma once

#include "tradeoff/TradeOff.h"

#include <QAbstractTableModel>

namespace qc::gui {

class ProjectController;

// The measured variants beside the trade-off chart: one row per metric, profile and framework with its value,
// stderr, delta to the baseline, compression and whether it is on the Pareto front (by the chosen measure);
// stale rows are greyed and say why. The suggestions come with it. Recomputed only while shown (setActive):
// a drag re-cuts at every step.
class TradeOffModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { ProfileRole = Qt::UserRole, MetricRole, StaleRole };

    explicit TradeOffModel(ProjectController* controller, QObject* parent = nullptr);

    void setMeasure(TradeOff::Measure measure);
    TradeOff::Measure measure() const { return m_measure; }
    void setActive(bool active);
    const TradeOff& tradeOff() const { return m_tradeOff; }
    QStringList suggestions() const { return m_suggestions; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public slots:
    void refresh(); // recomputes now (tests call it directly)

signals:
    void suggestionsChanged(const QStringList& suggestions);

private:
    void changed();

    struct Row
    {
        int metric = 0;
        int point = 0;
        QStringList cells; // metric, then TradeOff::tableRows' cells
    };

    ProjectController* m_controller;
    TradeOff m_tradeOff;
    TradeOff::Measure m_measure = TradeOff::Measure::WeightMemory;
    std::vector<Row> m_rows;
    QStringList m_suggestions;
    bool m_active = false;
    bool m_dirty = true;
};

} // namespace qc::gui
