#include "ExportActions.h"

#include "AppSettings.h"
#include "MenuAction.h"
#include "ProjectController.h"
#include "UserPrompts.h"
#include "chart/ChartImageExporter.h"
#include "export/ExportVerifier.h"
#include "export/ProfileExporter.h"
#include "io/AtomicWriter.h"
#include "io/FileError.h"
#include "widgets/ChartArea.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>

namespace qc::gui {

ExportActions::ExportActions(ProjectController* controller, UserPrompts* prompts, QWidget* window,
    std::function<int()> currentProfile, std::function<bool(const QString&)> proceed)
    : QObject(window)
    , m_controller(controller)
    , m_prompts(prompts)
    , m_window(window)
    , m_currentProfile(std::move(currentProfile))
    , m_proceed(std::move(proceed))
    , m_menu(new QMenu(tr("E&xport Profile"), window))
{
    addFormatActions();
    addOptionActions();
}

void ExportActions::addFormatActions()
{
    const auto add = [this](const QString& text, const QKeySequence& key, const QString& data,
                         const QString& tip, auto slot) {
        QAction* action = addMenuAction(m_window, m_menu, text, key, tip);
        action->setData(data);
        connect(action, &QAction::triggered, this, slot);
    };
    // Every ProfileExporter format; framework configs are verified against the profile before writing.
    const std::vector<ProfileExporter::Format>& formats = ProfileExporter::formats();
    for (size_t i = 0; i < formats.size(); ++i) {
        const ProfileExporter::Format& format = formats[i];
        // Ctrl+I (INC 2.x, the common case) and Ctrl+Alt+1..8 in menu order.
        QKeySequence key(Qt::CTRL | Qt::ALT | Qt::Key(Qt::Key_1 + int(i)));
        if (format.id == QLatin1String("inc2"))
            key = QKeySequence(Qt::CTRL | Qt::Key_I);
        add(QStringLiteral("%1 — %2…").arg(format.id, format.description), key, format.id,
            tr("Write the chosen profile as %1").arg(format.description),
            [this, id = format.id] { exportDialog(id, options()); });
    }
    m_menu->addSeparator();
    add(tr("modelopt — ModelOpt quant_cfg with FP8 (E4M3) instead of INT8…"),
        QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_9), QStringLiteral("modelopt-fp8"),
        tr("The same profile in FP8, for the W8A8-vs-FP8 comparison"), [this] {
            ExportOptions fp8 = options();
            fp8.numbers = ExportOptions::NumberFormat::Fp8;
            exportDialog(QStringLiteral("modelopt"), fp8);
        });
}

void ExportActions::addOptionActions()
{
    // What "W8A8" means differs between frameworks: the choices every export states in its header.
    m_menu->addSeparator();
    m_dynamicActivations
        = m_menu->addAction(tr("Activations per-token dynamic (default: per-tensor static)"));
    m_dynamicActivations->setCheckable(true);
    m_dynamicActivations->setToolTip(
        tr("compressed-tensors' W8A8 is per-token dynamic; ModelOpt's and INC's INT8 are "
           "per-tensor static"));
    m_smoothQuant = m_menu->addAction(tr("SmoothQuant (alpha 0.5)"));
    m_smoothQuant->setCheckable(true);
    m_smoothQuant->setChecked(true);
    m_smoothQuant->setToolTip(
        tr("INC 3.x smooth_quant, ModelOpt \"smoothquant\", llm-compressor SmoothQuantModifier"));
    m_gptq = m_menu->addAction(tr("GPTQ weights (llm-compressor)"));
    m_gptq->setCheckable(true);
    m_gptq->setToolTip(tr("llm-compressor: GPTQModifier instead of QuantizationModifier"));
    m_legacyNames = m_menu->addAction(tr("Module names for transformers < 4.52 (default: >= 4.52)"));
    m_legacyNames->setCheckable(true);
    m_legacyNames->setToolTip(tr("Qwen2-VL family: model.layers.N and visual.* instead of "
                                 "model.language_model.layers.N and model.visual.*"));
}

ExportOptions ExportActions::options() const
{
    ExportOptions options;
    options.activations = m_dynamicActivations->isChecked() ? ExportOptions::Activations::PerTokenDynamic
                                                            : ExportOptions::Activations::PerTensorStatic;
    options.smoothQuant = m_smoothQuant->isChecked();
    options.gptq = m_gptq->isChecked();
    options.naming = m_legacyNames->isChecked() ? ModuleNaming::Legacy : ModuleNaming::New;
    return options;
}

void ExportActions::exportDialog(const QString& format, const ExportOptions& options)
{
    const Project& p = m_controller->project();
    if (p.profileCount() == 0) {
        m_prompts->showError(m_window, tr("Nothing to export"), tr("The project has no profiles."));
        return;
    }
    QStringList names;
    for (const ProfileSpec& spec : p.cutPlan().profiles)
        names.append(spec.label.isEmpty() ? spec.name : spec.name + QStringLiteral(" — ") + spec.label);
    int profile = m_currentProfile();
    if (!m_prompts->askChoice(m_window, tr("Export %1").arg(format), tr("Profile:"), names, profile)
        || !m_proceed(p.cutPlan().profiles[size_t(profile)].name))
        return;
    const ProfileExporter::Format* known = ProfileExporter::find(format);
    const QString extension = known ? known->extension : QStringLiteral("txt");
    const bool fp8 = options.numbers == ExportOptions::NumberFormat::Fp8;
    const QString suggested = QStringLiteral("%1_%2%3.%4")
                                  .arg(format, p.cutPlan().profiles[size_t(profile)].name,
                                      fp8 ? QStringLiteral("_fp8") : QString(), extension);
    const QString path = m_prompts->askSavePath(m_window, tr("Export %1").arg(format),
        QDir(AppSettings::lastDirectory.get()).filePath(suggested),
        tr("%1 (*.%2);;All files (*)").arg(extension.toUpper(), extension));
    if (path.isEmpty())
        return;
    AppSettings::lastDirectory.set(QFileInfo(path).absolutePath());
    exportProfile(format, profile, path, options);
}

bool ExportActions::exportProfile(
    const QString& format, int profile, const QString& path, const ExportOptions& options)
{
    const Project& p = m_controller->project();
    if (profile < 0 || profile >= p.profileCount()) {
        m_prompts->showError(m_window, tr("Export failed"), tr("No profile %1.").arg(profile));
        return false;
    }
    const QString name = p.cutPlan().profiles[size_t(profile)].name;
    QString refused;
    try {
        // Generated and verified in memory first: a mismatch or a refused option writes nothing.
        refuseInputAsOutput(path, p.inputFiles() + QStringList { m_controller->filePath() });
        writeAtomically(path, ProfileExporter::run(p, format, profile, options));
        emit status(tr("Exported profile %1 as %2 to %3").arg(name, format, path));
        return true;
    } catch (const ExportMismatch& e) {
        refused = tr("The %1 export of profile %2 would not quantize exactly the profile's ops, so nothing "
                     "was written.\n\n%3")
                      .arg(format, name, QString::fromUtf8(e.what()));
    } catch (const std::invalid_argument& e) {
        refused = QString::fromUtf8(e.what());
    } catch (const FileError& e) {
        m_prompts->showError(m_window, tr("Export failed"), e.toString());
        return false;
    } catch (const std::exception& e) {
        m_prompts->showError(m_window, tr("Export failed"), QString::fromUtf8(e.what()));
        return false;
    }
    m_prompts->showError(m_window, tr("Export refused"), refused);
    return false;
}

void ExportActions::addChartActions(QMenu* file, const ChartArea* charts)
{
    m_charts = charts;
    connect(addMenuAction(m_window, file, tr("Export Charts as &PNG…"), QKeySequence(Qt::CTRL | Qt::Key_E)),
        &QAction::triggered, this, [this] { exportChartsDialog(QStringLiteral("png")); });
    connect(addMenuAction(
                m_window, file, tr("Export Charts as S&VG…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)),
        &QAction::triggered, this, [this] { exportChartsDialog(QStringLiteral("svg")); });
}

bool ExportActions::exportCharts(const QString& path, const QSize& size, int dpi)
{
    QString error;
    if (!ChartImageExporter::write(path, m_charts->exportedCharts(), size, dpi, &error)) {
        m_prompts->showError(m_window, tr("Export failed"), error);
        return false;
    }
    emit status(tr("Exported the charts to %1").arg(path));
    return true;
}

void ExportActions::exportChartsDialog(const QString& suffix)
{
    QSize size = ChartImageExporter::naturalSize(m_charts->exportedCharts()) * 2; // print quality by default
    int dpi = 2 * ChartImageExporter::kScreenDpi;
    if (!m_prompts->askImageSize(m_window, size, dpi))
        return;
    const QString path = m_prompts->askSavePath(m_window, tr("Export Charts"),
        QDir(AppSettings::lastDirectory.get()).filePath(QStringLiteral("quantcut-charts.") + suffix),
        suffix == QLatin1String("svg") ? tr("SVG (*.svg)") : tr("PNG (*.png)"));
    if (!path.isEmpty())
        exportCharts(path, size, dpi);
}

} // namespace qc::gui
