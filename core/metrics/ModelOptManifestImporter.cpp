#include "ModelOptManifestImporter.h"

#include "AutoQuantManifest.h"
#include "ImportSupport.h"
#include "ModelOptAutoQuantImporter.h"
#include "io/FileError.h"

#include <algorithm>

namespace qc {

namespace {
const QLatin1String kRecipeSuffix(".quant_recipe");

QString moduleOf(const QString& group)
{
    return group.endsWith(kRecipeSuffix) ? group.chopped(kRecipeSuffix.size()) : group;
}

// Quantized candidate formats in order of first appearance, with their effective bits.
std::vector<autoquant::CandidateLabel> quantizedFormats(const AutoQuantManifest& manifest)
{
    std::vector<autoquant::CandidateLabel> formats;
    for (const AutoQuantManifest::Group& g : manifest.groups) {
        for (const AutoQuantManifest::Candidate& c : g.candidates) {
            const bool seen = std::any_of(formats.begin(), formats.end(),
                [&](const autoquant::CandidateLabel& f) { return f.format == c.label.format; });
            if (!c.label.isNone() && !seen)
                formats.push_back(c.label);
        }
    }
    return formats;
}
} // namespace

std::vector<Metric> ModelOptManifestImporter::read(const QByteArray& text, const QJsonDocument& doc) const
{
    const AutoQuantManifest manifest = AutoQuantManifest::parse(text, doc, m_file);
    const std::vector<autoquant::CandidateLabel> formats = quantizedFormats(manifest);
    if (formats.empty())
        throw FileError(m_file, manifest.groups.front().line,
            QStringLiteral("no scores: every group's only candidate is NONE, so nothing was measured"));
    std::vector<Metric> metrics;
    for (const autoquant::CandidateLabel& format : formats) {
        std::vector<MetricEntry> written;
        std::vector<MetricEntry> noCandidate;
        for (const AutoQuantManifest::Group& g : manifest.groups) {
            const QString type = manifest.moduleTypes.value(moduleOf(g.name));
            for (const AutoQuantManifest::Candidate& c : g.candidates) {
                if (c.label.format == format.format)
                    written.push_back({ g.name, type, c.score, g.line, {}, c.cost, true });
            }
            if (g.onlyNone())
                noCandidate.push_back({ g.name, type, 0.0, g.line, {}, g.none()->cost, false });
        }
        Metric metric = importing::makeMetric(
            autoquant::metricKey(format.format, format.effectiveBits, formats.size() > 1),
            autoquant::metricLabel(format.format, format.effectiveBits), Polarity::HigherIsMoreSensitive,
            QStringLiteral(
                "AutoQuantize's estimated loss increase from choosing this candidate for the group "
                "(higher is more sensitive), with its cost (weights × effective bits / 16). "
                "Groups whose only candidate is NONE are not measurements."));
        metric.numberFormat = format.format;
        metric.effectiveBits = format.effectiveBits;
        metric.facts = manifest.facts;
        metric.entries = ModelOptAutoQuantImporter::withGroupMembers(m_file, written, noCandidate);
        metrics.push_back(std::move(metric));
    }
    return metrics;
}

} // namespace qc
