#include "OutcomeList.h"

#include "io/FileError.h"

#include <QHash>

namespace qc {

namespace {
const ProfileLists* findProfile(const std::vector<ProfileLists>& lists, const QString& name)
{
    const auto it = std::find_if(
        lists.begin(), lists.end(), [&](const ProfileLists& l) { return l.spec.name == name; });
    return it == lists.end() ? nullptr : &*it;
}
} // namespace

void OutcomeList::attach(std::vector<Outcome>& outcomes, std::vector<Outcome> added,
    const std::vector<ProfileLists>& lists, const QString& path)
{
    std::vector<Outcome> result = outcomes;
    for (Outcome& o : added) {
        if (!o.isBaseline()) {
            const ProfileLists* profile = findProfile(lists, o.profile);
            if (!profile) {
                QStringList names;
                for (const ProfileLists& l : lists)
                    names.append(l.spec.name);
                throw FileError(path, o.line,
                    QStringLiteral(
                        "profile '%1' is not in the profile file (it has %2; the unquantized model is "
                        "'baseline')")
                        .arg(o.profile, names.join(QStringLiteral(", "))));
            }
            o.profileFingerprint = profileFingerprint(profile->quantize);
        } else {
            o.profileFingerprint.clear();
        }
        std::erase_if(
            result, [&](const Outcome& old) { return old.profile == o.profile && old.file == o.file; });
        QHash<QString, QString> given; // profile/framework/metric -> file
        QHash<QString, bool> direction;
        for (const Outcome& old : result) {
            for (const OutcomeValue& v : old.values) {
                given.insert(old.profile + QChar(0) + v.framework + QChar(0) + v.metric, old.file);
                direction.insert(v.metric, v.higherIsBetter);
            }
        }
        for (const OutcomeValue& v : o.values) {
            const QString key = o.profile + QChar(0) + v.framework + QChar(0) + v.metric;
            if (given.contains(key))
                throw FileError(path, o.line,
                    QStringLiteral("'%1' of profile %2 with %3 is already given by %4")
                        .arg(v.metric, o.profile, v.framework, given.value(key)));
            if (direction.contains(v.metric) && direction.value(v.metric) != v.higherIsBetter)
                throw FileError(path, o.line,
                    QStringLiteral("'%1' is higher_is_better %2 here but %3 in the outcomes already attached")
                        .arg(v.metric, v.higherIsBetter ? QStringLiteral("true") : QStringLiteral("false"),
                            v.higherIsBetter ? QStringLiteral("false") : QStringLiteral("true")));
        }
        result.push_back(std::move(o));
    }
    outcomes = std::move(result);
}

std::vector<std::pair<QString, QString>> OutcomeList::stale(
    const std::vector<Outcome>& outcomes, const std::vector<ProfileLists>& lists)
{
    QHash<QString, QString> fingerprints;
    for (const ProfileLists& l : lists) {
        const bool named = std::any_of(
            outcomes.begin(), outcomes.end(), [&](const Outcome& o) { return o.profile == l.spec.name; });
        if (named) // a hash per profile that has outcomes, not per profile
            fingerprints.insert(l.spec.name, profileFingerprint(l.quantize));
    }
    return stale(outcomes, fingerprints);
}

std::vector<std::pair<QString, QString>> OutcomeList::stale(
    const std::vector<Outcome>& outcomes, const QHash<QString, QString>& fingerprints)
{
    std::vector<std::pair<QString, QString>> out;
    for (const Outcome& o : outcomes) {
        if (o.isBaseline())
            continue;
        const auto now = fingerprints.constFind(o.profile);
        if (now == fingerprints.cend())
            out.emplace_back(o.profile,
                QStringLiteral("outcomes from %1 are of profile %2, which the file no longer has")
                    .arg(o.file, o.profile));
        else if (now.value() != o.profileFingerprint)
            out.emplace_back(o.profile,
                QStringLiteral(
                    "outcomes from %1 were measured on other INT8 ops than profile %2 has now (its "
                    "lists changed since they were attached)")
                    .arg(o.file, o.profile));
    }
    return out;
}

} // namespace qc
