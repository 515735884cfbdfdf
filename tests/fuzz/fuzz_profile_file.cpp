// A profile file as `check`, `export` and the explorer load it, with save -> reload -> compare as the oracle:
// whatever loads must save to a file that loads again, gives the same bytes when saved again, and whose
// stored lists are exactly what its rules, overrides and cuts compute (else `check` would call our own file
// "edited by hand").

#include "FuzzSupport.h"
#include "ProfileInput.h"
#include "check/Checker.h"

#include <cmath>

namespace {
bool sameCut(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

bool sameLists(const std::vector<qc::ProfileLists>& a, const std::vector<qc::ProfileLists>& b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].spec.name != b[i].spec.name || a[i].spec.label != b[i].spec.label
            || !sameCut(a[i].spec.cut, b[i].spec.cut) || a[i].quantize != b[i].quantize
            || a[i].keep != b[i].keep)
            return false;
    }
    return true;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::optional<qc::ProfileDocument::Loaded> loaded
        = qc::fuzz::loadProfile("profile_file", qc::fuzz::bytes(data, size));
    if (!loaded)
        return 0;
    (void)qc::Checker::check(loaded->project, loaded->storedLists);
    const QByteArray saved
        = qc::ProfileDocument::toYaml(loaded->project, qc::Checker::check(loaded->project));
    qc::ProfileDocument::Loaded reloaded;
    try {
        reloaded = qc::ProfileDocument::parse(saved, QStringLiteral("saved.profiles.yaml"));
    } catch (const std::exception& e) {
        qc::fuzz::fail("profile_file",
            QStringLiteral("the saved file does not load again: %1\n--- saved ---\n%2")
                .arg(QString::fromUtf8(e.what()), QString::fromUtf8(saved)));
    }
    const QByteArray savedAgain
        = qc::ProfileDocument::toYaml(reloaded.project, qc::Checker::check(reloaded.project));
    if (savedAgain != saved)
        qc::fuzz::fail("profile_file",
            QStringLiteral("save -> reload -> save changed the file\n--- first ---\n%1\n--- second ---\n%2")
                .arg(QString::fromUtf8(saved), QString::fromUtf8(savedAgain)));
    if (!sameLists(reloaded.storedLists, reloaded.project.lists()))
        qc::fuzz::fail("profile_file",
            QStringLiteral("the saved lists differ from what the saved file computes\n--- saved ---\n%1")
                .arg(QString::fromUtf8(saved)));
    return 0;
}
