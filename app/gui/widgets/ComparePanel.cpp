#include "ComparePanel.h"

#include "ProjectController.h"
#include "UserPrompts.h"
#include "document/ProfileDocument.h"
#include "io/FileError.h"
#include "models/ComparisonModel.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace qc::gui {

namespace {
enum ReferenceItem { LanguageModelOnly, ModelOptDefaults, ProfileFile };
}

ComparePanel::ComparePanel(
    ProjectController* controller, ComparisonModel* model, UserPrompts* prompts, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(model)
    , m_prompts(prompts)
    , m_reference(new QComboBox)
    , m_profile(new QComboBox)
    , m_summary(new QLabel)
    , m_view(new QTableView)
{
    m_reference->addItem(
        tr("Language model only (every public Qwen2.5-VL release)"), QStringLiteral("lm-only"));
    m_reference->addItem(
        tr("ModelOpt INT8 preset (default-disabled patterns)"), QStringLiteral("modelopt-default"));
    m_reference->addItem(tr("A profile file…"));
    m_reference->setToolTip(tr("The scheme to compare the profile with"));
    m_profile->setToolTip(tr("The profile of this project to compare"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);

    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(ComparisonModel::SortRole);
    m_view->setModel(proxy);
    m_view->setSortingEnabled(false); // the model's order (worst disagreement first) is the point
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideLeft); // the end of a name says which op it is
    // The tab shares a splitter with the layer chart: it must not push it aside by its table's width.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_view->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Expanding);
    m_reference->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_reference->setMinimumContentsLength(16);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ComparisonModel::OpColumn, QHeaderView::Stretch);
    m_view->setToolTip(
        tr("Where the sensitivity ranking and the reference disagree most, worst first: the reference "
           "quantizing an op the ranking rates sensitive, or keeping one it rates safe"));

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Profile:")));
    bar->addWidget(m_profile);
    bar->addWidget(new QLabel(tr("against:")));
    bar->addWidget(m_reference, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);

    connect(m_reference, &QComboBox::activated, this, &ComparePanel::chooseReference);
    connect(m_profile, &QComboBox::activated, this, [this](int index) { m_model->setProfile(index); });
    connect(m_model, &ComparisonModel::summaryChanged, m_summary, &QLabel::setText);
    connect(m_controller, &ProjectController::projectReset, this, &ComparePanel::fillProfiles);
    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex& index) {
        m_controller->setSelectedOp(index.data(ComparisonModel::OpRole).toInt());
    });
    fillProfiles();
    m_model->setReferenceScheme(QStringLiteral("lm-only"));
    m_summary->setText(m_model->summary());
}

void ComparePanel::fillProfiles()
{
    const Project& p = m_controller->project();
    const int current = m_profile->currentIndex();
    m_profile->clear();
    for (const ProfileSpec& spec : p.cutPlan().profiles)
        m_profile->addItem(spec.name + QStringLiteral(" ") + spec.label);
    m_profile->setCurrentIndex(
        current >= 0 && current < m_profile->count() ? current : m_profile->count() - 1);
    m_model->setProfile(m_profile->currentIndex());
}

void ComparePanel::chooseReference(int index)
{
    if (index != ProfileFile) {
        m_model->setReferenceScheme(m_reference->itemData(index).toString());
        return;
    }
    const QString path = m_prompts->askOpenPath(
        this, tr("Compare with a profile file"), tr("QuantCut profiles (*.yaml *.yml)"));
    if (path.isEmpty())
        return;
    try {
        ProfileDocument::Loaded loaded = ProfileDocument::load(path);
        const int last = loaded.project.profileCount() - 1;
        const QString label = QFileInfo(path).fileName() + QLatin1Char(':')
            + loaded.project.cutPlan().profiles[size_t(last)].name;
        m_model->setReferenceProject(std::move(loaded.project), last, label);
        m_reference->setItemText(ProfileFile, label);
    } catch (const FileError& e) {
        m_prompts->showError(this, tr("Cannot compare"), e.toString());
    }
}

} // namespace qc::gui
