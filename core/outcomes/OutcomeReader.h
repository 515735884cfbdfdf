#pragma once

#include "Outcome.h"

#include <QByteArray>
#include <QString>
#include <optional>
#include <vector>

namespace qc {

// Reads a results file of measured outcomes; the format is detected by content.
//
//   csv        a header with metric, value, higher_is_better and optionally profile, framework, stderr, notes
//   json, yaml a list of rows with those keys, or a mapping whose `outcomes` key holds that list
//   lm-eval    the results JSON lm-evaluation-harness writes: results: {task: {"acc,none": x,
//              "acc_stderr,none": s, "alias": ...}}, higher_is_better: {task: {acc: true}},
//              config.model_args; each "<metric>,<filter>" becomes the metric "<task>/<metric>"
//              ("<task>/<metric>(<filter>)" unless the filter is "none")
//
// A target (what the user gave as PROFILE[:FRAMEWORK]=FILE) names the profile of rows that name none, and
// the framework of rows that name none; rows naming `baseline` stay the baseline, rows naming another profile
// than the target are an error. Without a target every row names its profile. lm-eval results name no
// profile, but their config.model_args usually does: the one target profile found in it as a word serves,
// else the target must name it; their framework comes from the target, else from a framework id in
// model_args. Every problem is a FileError with the file and line; nothing is returned half-read.
class OutcomeReader
{
public:
    enum class Format { Csv, Rows, LmEval };
    struct Target
    {
        QString profile; // empty: rows name their profile
        QString framework; // empty: rows (or lm-eval's model_args) name it
        // The profiles the file may be attached to: without a profile, lm-eval results go to the one profile
        // model_args names as a word of its own ("pretrained=/m/qwen-D-modelopt" names D).
        QStringList profiles;
    };

    // One Outcome per profile the file names, in the order of first mention, with the file's name and
    // SHA-256 and no fingerprint yet (attachOutcomes sets it).
    static std::vector<Outcome> read(const QString& path, const Target& target = {});
    static std::vector<Outcome> parse(const QByteArray& data, const QString& path, const Target& target = {});
    // Whether the start of a file looks like a results file, and which: what FileKind asks.
    static std::optional<Format> detect(const QByteArray& head);
    static QString formatName(Format format);
};

} // namespace qc
