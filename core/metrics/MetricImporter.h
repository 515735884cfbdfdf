#pragma once

#include "Metric.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace qc {

class Inventory;

// Reads sensitivity rankings in every supported format; detects the format from content.
//
// Formats, metric keys and polarities (H = higher is more sensitive, L = lower is more sensitive):
//   inc-mse-json        {meta, fp32_fallback_sensitivity: [{op_name, op_type, mse}],
//   int8_requant_sensitivity}
//                       -> mse_v2_fallback (L, INC's code sorts ascending), mse_v2_requant (H); empty lists
//                       skipped
//   inc-log             INC 2.x log -> mse_v2_fallback (L; scores from the first "fallback order:" dict, else
//   the
//                       first "Dump MSE order:" block, else ranks from the first "ops_lst(N)"), or
//                       mse_v2_fallback_order (L, ranks of the "have the highest sensitivity" lines); and
//                       hawq_v2 (H) from "*** op: <m>, hessian trace : <x>". Ranks set valuesAreRanks.
//   hawq-json           {module: trace} or {"hawq_v2": {module: trace}} -> hawq_v2 (H)
//   modelopt-autoquant  {layer_sensitivity: [{layer, num_bits, sensitivity, size_cost}]} -> autoquant (H), or
//                       autoquant_<format> per num_bits when several occur (ModelOptAutoQuantImporter);
//                       q_proj/gate_proj expand to their fused group (k_proj, v_proj / up_proj) with
//                       groupLeader set; NONE-only rows are entries that were never candidates
//   modelopt-autoquant-manifest  {layer_sensitivity: {"<m>.quant_recipe": {formats, scores, costs}}, layers,
//                       scheme, autoquant_state} -> one metric per candidate format
//                       (ModelOptManifestImporter)
//   csv                 a header line (comma, semicolon or tab) with a name column and score columns
//   json, yaml          {name: score} (key = file base name), {"metrics": {key: {name: score}},
//                       "polarity": {key: "lower-is-more-sensitive"}}, or a list of row objects as in csv
//
// Table columns (csv, and json/yaml lists of rows): the name column is the first of name, op, op_name,
// module, layer, node; op_type (or type) fills MetricEntry::opType. Every other column except the metadata
// columns (type, layer_index, component, in_features, out_features, params, size_cost, num_bits) whose first
// non-empty cell is a number is a score column, one metric each, key = header; a later non-number in it is an
// error. An empty cell means that op has no value in that metric. Polarity is higher-is-more-sensitive unless
// the header (or a json/yaml metric key) is annotated: "score [lower]" or "score (lower is more sensitive)"
// means lower-is-more-sensitive ("[higher]" / "(higher is more sensitive)" state the default); the annotation
// is stripped from the key, and an annotated column is a score column even if its first cell is not a number.
//
// Detection (content first, the extension breaks ties): text starting with '{' or '[' that parses as JSON is
// modelopt-autoquant-manifest if its layer_sensitivity is a map, modelopt-autoquant if it is anything else,
// inc-mse-json if it has fp32_fallback_sensitivity or
// int8_requant_sensitivity, hawq-json if it is the {"hawq_v2"|"hawq": {...}} wrapper or a {name: score} map
// in a file whose name contains "hawq", else json (invalid JSON too, unless it is valid YAML and the file is
// not .json). Otherwise: INC log lines ("fallback order:", "ops_lst(", "Dump MSE order:", "hessian trace :",
// "have the highest sensitivity") -> inc-log; extension .yaml/.yml -> yaml; .json -> json; a first line with
// a comma, semicolon or tab -> csv; a YAML map or list -> yaml; else no format.
class MetricImporter
{
public:
    struct Format
    {
        QString id;
        QString description;
    };
    // inc-mse-json, inc-log, hawq-json, modelopt-autoquant, modelopt-autoquant-manifest, csv, json, yaml
    static const std::vector<Format>& formats();
    static bool isKnownFormat(const QString& id);
    // "inc-mse-json, inc-log, ...": for messages.
    static QString formatIds();

    // The format id that fits the content (the path's extension only breaks ties); empty if none fits.
    static QString detect(const QByteArray& data, const QString& path);

    // Reads a file ("-" = stdin). An empty format means detect. One Metric per score list or score column,
    // each with key, label, format, file, fileSha256, polarity and entries set; id is set to key.
    // Throws FileError (file, line, what is wrong) on any malformed input: invalid or truncated
    // JSON/YAML/CSV, a missing column, NaN or infinite scores, the same name twice with different scores,
    // an unknown format, an empty file, a file that is not text, or no scores at all.
    // Given the inventory, every entry named exactly as an op holds the op's string: a metric then adds no
    // copy of the names (a CSV's are looked up from their bytes and never converted).
    static std::vector<Metric> import(
        const QString& path, const QString& format = {}, const Inventory* inventory = nullptr);
    static std::vector<Metric> importData(const QByteArray& data, const QString& path,
        const QString& format = {}, const Inventory* inventory = nullptr);
};

} // namespace qc
