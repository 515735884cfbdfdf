#include "ProjectLoader.h"

#include "FileKind.h"
#include "document/ProfileDocument.h"
#include "inventory/InventoryReader.h"
#include "io/FileError.h"
#include "metrics/MetricImporter.h"
#include "metrics/SourceName.h"
#include "outcomes/OutcomeList.h"
#include "outcomes/OutcomeReader.h"

#include <QFileInfo>
#include <QHash>
#include <QObject>

namespace qc {

QString ProjectLoader::uniqueId(const std::vector<Metric>& metrics, const QString& wanted)
{
    QString id = wanted;
    for (int n = 2; std::any_of(metrics.begin(), metrics.end(), [&](const Metric& o) { return o.id == id; });
         ++n)
        id = wanted + QStringLiteral("_") + QString::number(n);
    return id;
}

void ProjectLoader::addMetrics(std::vector<Metric>& metrics, std::vector<Metric> added)
{
    const size_t count = added.size();
    for (Metric& m : added) {
        std::erase_if(metrics, [&](const Metric& old) { return old.id == m.id && old.file == m.file; });
        m.id = uniqueId(metrics, m.id);
        metrics.push_back(std::move(m));
    }
    SourceName::nameNew(metrics, metrics.size() - count);
}

namespace {
// A profile file written elsewhere (the command line keeps the importers' labels) may name two sources
// alike: those get their default names, told apart, so legends and pickers can tell them apart too.
void nameAlikeSources(std::vector<Metric>& metrics)
{
    QHash<QString, int> uses;
    for (const Metric& m : metrics)
        ++uses[m.label];
    bool alike = false;
    for (Metric& m : metrics) {
        if (uses.value(m.label) > 1) {
            m.label = SourceName::base(m);
            alike = true;
        }
    }
    if (alike)
        SourceName::nameNew(metrics, metrics.size());
}

} // namespace

ProjectLoader::Result ProjectLoader::load(
    const Project& base, const QStringList& paths, const Progress& progress)
{
    const auto step = [&](int done) {
        return !progress
            || progress(done, int(paths.size()),
                done < paths.size() ? QFileInfo(paths[done]).fileName() : QStringLiteral("ranking"));
    };
    Result result;
    ProjectInputs inputs = base.inputs();
    bool inventoryGiven = !inputs.inventoryFromRankings && !inputs.inventory.isEmpty();
    QStringList outcomeFiles;
    for (int i = 0; i < paths.size(); ++i) {
        if (!step(i)) {
            result.cancelled = true;
            return result;
        }
        const QString& path = paths[i];
        const QString fileName = QFileInfo(path).fileName();
        try {
            const FileKind kind = detectFileKind(path);
            switch (kind) {
            case FileKind::ProfileDocument:
                inputs = ProfileDocument::load(path).project.inputs();
                nameAlikeSources(inputs.metrics);
                inventoryGiven = !inputs.inventoryFromRankings;
                result.profilePath = QFileInfo(path).absoluteFilePath();
                break;
            case FileKind::Inventory:
                inputs.inventory = InventoryReader::read(path);
                inputs.inventoryFromRankings = false;
                inventoryGiven = true;
                break;
            case FileKind::Rankings:
                // With the inventory read already, the names share its strings as they are read.
                addMetrics(inputs.metrics,
                    MetricImporter::import(path, {}, inventoryGiven ? &inputs.inventory : nullptr));
                break;
            case FileKind::Outcomes:
                // Attached once the profiles are known (a profile file may come later in the list).
                outcomeFiles.append(path);
                continue;
            }
            result.loaded.append(QStringLiteral("%1 (%2)").arg(fileName, fileKindName(kind)));
        } catch (const FileError& e) {
            result.failed.append(e.toString());
        } catch (const std::exception& e) {
            result.failed.append(QStringLiteral("%1: %2").arg(fileName, QString::fromUtf8(e.what())));
        }
    }
    if (!step(int(paths.size()))) {
        result.cancelled = true;
        return result;
    }
    if (result.loaded.isEmpty() && outcomeFiles.isEmpty())
        return result;
    result.onlyOutcomes = result.loaded.isEmpty();
    try {
        if (result.onlyOutcomes) {
            result.project = base; // nothing to re-derive
        } else {
            if (!inventoryGiven)
                inputs.useRankedNamesAsInventory();
            result.project = Project(std::move(inputs));
        }
    } catch (const FileError& e) {
        result.error = e.toString();
        return result;
    } catch (const std::exception& e) {
        result.error = QString::fromUtf8(e.what());
        return result;
    }
    attachOutcomes(result, outcomeFiles);
    return result;
}
void ProjectLoader::attachOutcomes(Result& result, const QStringList& paths)
{
    if (paths.isEmpty())
        return;
    const std::vector<ProfileLists> lists = result.project.lists();
    OutcomeReader::Target target;
    for (const ProfileLists& l : lists)
        target.profiles.append(l.spec.name);
    std::vector<Outcome> outcomes = result.project.outcomes();
    for (const QString& path : paths) {
        try {
            OutcomeList::attach(outcomes, OutcomeReader::read(path, target), lists, path);
            result.loaded.append(
                QStringLiteral("%1 (%2)").arg(QFileInfo(path).fileName(), fileKindName(FileKind::Outcomes)));
        } catch (const FileError& e) {
            result.failed.append(e.toString());
        }
    }
    result.project.setOutcomes(std::move(outcomes));
}

QString ProjectLoader::Result::summary() const
{
    if (cancelled)
        return QObject::tr("Loading cancelled; nothing changed");
    if (!error.isEmpty() || loaded.isEmpty())
        return QObject::tr("Nothing loaded: %n file(s) could not be opened", nullptr,
            int(std::max<qsizetype>(failed.size(), 1)));
    QString text = QObject::tr("Loaded %1").arg(loaded.join(QStringLiteral(", ")));
    if (!failed.isEmpty())
        text += QObject::tr("; %n file(s) not loaded", nullptr, int(failed.size()));
    return text;
}

QString ProjectLoader::Result::problems() const
{
    QStringList parts = failed;
    if (!error.isEmpty())
        parts.append(QObject::tr("The files do not fit together, so nothing was loaded:\n%1").arg(error));
    else if (loaded.isEmpty() && !failed.isEmpty())
        parts.append(QObject::tr("Nothing was loaded; the project is unchanged."));
    else if (!failed.isEmpty())
        parts.append(QObject::tr("Loaded: %1").arg(loaded.join(QStringLiteral(", "))));
    return parts.join(QStringLiteral("\n\n"));
}

bool ProjectLoader::replacesProject(const QStringList& paths)
{
    return std::any_of(paths.begin(), paths.end(),
        [](const QString& p) { return detectFileKind(p) == FileKind::ProfileDocument; });
}

} // namespace qc
