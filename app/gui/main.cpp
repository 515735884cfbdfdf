#include "AppSettings.h"
#include "MainWindow.h"
#include "ProjectController.h"
#include "UserPrompts.h"
#include "models/SourcesModel.h"
#include "widgets/SideDocks.h"
#include "widgets/SourcesPanel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QPalette>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <cstdio>

using namespace qc::gui;

namespace {
// --screenshot runs unattended: messages go to stderr instead of modal dialogs nobody can close.
class ConsolePrompts : public UserPrompts
{
public:
    void showError(QWidget*, const QString& title, const QString& text) override
    {
        std::fprintf(stderr, "quantcut: %s: %s\n", qPrintable(title), qPrintable(text));
    }
    bool askProceedDespiteErrors(QWidget*, const QString&, const QString&) override { return false; }
    SaveChoice askSaveChanges(QWidget*, const QString&) override { return SaveChoice::Discard; }
};

// Fusion with a dark palette: what a desktop in dark mode gives, reproducible offscreen.
void useDarkPalette()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    p.setColor(QPalette::Window, QColor(45, 45, 48));
    p.setColor(QPalette::WindowText, QColor(230, 230, 230));
    p.setColor(QPalette::Base, QColor(30, 30, 32));
    p.setColor(QPalette::AlternateBase, QColor(40, 40, 44));
    p.setColor(QPalette::Text, QColor(230, 230, 230));
    p.setColor(QPalette::Button, QColor(55, 55, 60));
    p.setColor(QPalette::ButtonText, QColor(230, 230, 230));
    p.setColor(QPalette::Highlight, QColor(70, 130, 200));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
    p.setColor(QPalette::ToolTipText, QColor(230, 230, 230));
    p.setColor(QPalette::Mid, QColor(80, 80, 85));
    QApplication::setPalette(p);
}
} // namespace

namespace {
// Raises the named dock of a tabbed dock area, so a screenshot can show the Sources or Rules dock.
void showDock(qc::gui::MainWindow& window, const QString& name)
{
    for (QDockWidget* d : window.findChildren<QDockWidget*>()) {
        if (d->windowTitle().compare(name, Qt::CaseInsensitive) == 0)
            d->raise();
    }
    if (name.compare(QStringLiteral("sources"), Qt::CaseInsensitive) == 0
        && window.docks()->sourcesModel()->rowCount() > 0)
        window.docks()->sourcesPanel()->view()->setCurrentIndex(window.docks()->sourcesModel()->index(0, 0));
}
} // namespace

int main(int argc, char** argv)
{
    // --screenshot renders offscreen: choose the platform before QApplication exists.
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--screenshot") == 0 && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("QuantCut"));
    QApplication::setApplicationName(QStringLiteral("QuantCut"));
    QApplication::setApplicationVersion(QStringLiteral(QUANTCUT_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/quantcut.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("QuantCut explorer: shape nested INT8 profiles from sensitivity rankings"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Render the main window offscreen for FILEs into OUT.png and exit."),
        QStringLiteral("OUT.png"));
    const QCommandLineOption size(QStringLiteral("size"),
        QStringLiteral("Window size for --screenshot (default 1440x900)."), QStringLiteral("WxH"));
    const QCommandLineOption dark(QStringLiteral("dark"),
        QStringLiteral("Use a dark palette (Fusion style), e.g. to check a --screenshot in dark mode."));
    parser.addOption(screenshot);
    parser.addOption(size);
    const QCommandLineOption tab(QStringLiteral("tab"),
        QStringLiteral(
            "Chart tab shown by --screenshot: 0 ranked curve, 1 metric vs metric, 2 compare, 3 trade-off."),
        QStringLiteral("N"));
    const QCommandLineOption dock(QStringLiteral("dock"),
        QStringLiteral("Dock shown in front by --screenshot: Violations, Rules or Sources (its first source "
                       "selected)."),
        QStringLiteral("NAME"));
    parser.addOption(dark);
    parser.addOption(tab);
    parser.addOption(dock);
    parser.addPositionalArgument(QStringLiteral("FILE"),
        QStringLiteral("Rankings, an inventory or a profile file (any kind, recognised by content)."),
        QStringLiteral("[FILE...]"));
    parser.process(app);
    if (parser.isSet(dark))
        useDarkPalette();
    QStringList files;
    for (const QString& f : parser.positionalArguments())
        files.append(QFileInfo(f).absoluteFilePath());

    if (parser.isSet(screenshot)) {
        MainWindow window;
        window.setPrompts(std::make_unique<ConsolePrompts>());
        window.restoreGeometry({}); // a screenshot shows the default layout, not the user's
        QSize windowSize = MainWindow::kDefaultSize;
        if (parser.isSet(size)) {
            const QStringList wh = parser.value(size).split(QLatin1Char('x'));
            if (wh.size() == 2 && wh[0].toInt() >= 640 && wh[1].toInt() >= 480)
                windowSize = QSize(wh[0].toInt(), wh[1].toInt());
        }
        window.resize(windowSize);
        window.show();
        // Laid out before the files arrive, as a window a user opens them in.
        QApplication::processEvents();
        if (!files.isEmpty() && !window.openFiles(files, true)) {
            std::fprintf(stderr, "quantcut: could not open the given files\n");
            return 1;
        }
        if (parser.isSet(tab))
            window.findChild<QTabWidget*>()->setCurrentIndex(parser.value(tab).toInt());
        if (parser.isSet(dock))
            showDock(window, parser.value(dock));
        QApplication::processEvents();
        const QString out = parser.value(screenshot);
        if (!window.saveScreenshot(out)) {
            std::fprintf(stderr, "quantcut: cannot write %s\n", qPrintable(out));
            return 1;
        }
        window.controller()->undoStack()->setClean(); // nothing to save on the way out
        return 0;
    }

    MainWindow window;
    window.show();
    if (!files.isEmpty()) {
        window.openFiles(files);
    } else if (!AppSettings::exampleShown.exists()) {
        // First start: show something real instead of an empty window.
        AppSettings::exampleShown.set(true);
        QTimer::singleShot(0, &window, [&window] { window.openExample(); });
    }
    return app.exec();
}
