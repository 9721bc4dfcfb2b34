package io.provergateway.db;

import io.provergateway.config.ApiMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two generations of the prover-DB tables the gateway touches, each with what the gateway's SQL needs and the
 * DDL {@code init-schema} installs. A profile ({@link ApiMode}) talks to exactly one of them (push-mode spec §5.5).
 */
public enum SchemaDialect {
    /** zksync-era core-v25.4.0 (Via): primary keys on {@code l1_batch_number}. */
    V25_4("the 25.4 schema (no witness_inputs_fri.chain_id)", "db/prover-schema.sql",
            Map.of("witness_inputs_fri", List.of("l1_batch_number", "witness_inputs_blob_url", "protocol_version",
                    "status", "created_at", "updated_at", "protocol_version_patch"),
                    "proof_compression_jobs_fri", List.of("l1_batch_number", "status", "protocol_version",
                    "protocol_version_patch", "updated_at")),
            Set.of("l1_batch_number"), List.of()),
    /** upstream ≥ prover-v20.3.0: {@code chain_id} columns, keys {@code (l1_batch_number, chain_id)}. */
    CHAIN_ID("the chain-id schema (witness_inputs_fri.chain_id, upstream prover >= v20.3)",
            "db/prover-schema-chain-id.sql",
            Map.of("witness_inputs_fri", List.of("l1_batch_number", "chain_id", "witness_inputs_blob_url",
                    "protocol_version", "status", "created_at", "updated_at", "protocol_version_patch",
                    "batch_sealed_at"),
                    "proof_compression_jobs_fri", List.of("l1_batch_number", "chain_id", "status",
                    "protocol_version", "protocol_version_patch", "updated_at")),
            Set.of("l1_batch_number", "chain_id"), List.of("fflonk_snark_wrapper_vk_hash"));

    private final String description;
    private final String ddlResource;
    private final Map<String, List<String>> requiredColumns = new LinkedHashMap<>();
    private final Map<String, Set<String>> requiredUnique = new LinkedHashMap<>();

    SchemaDialect(String description, String ddlResource, Map<String, List<String>> jobColumns,
            Set<String> witnessKey, List<String> extraVersionColumns) {
        this.description = description;
        this.ddlResource = ddlResource;
        List<String> versionColumns = new java.util.ArrayList<>(
                List.of("id", "snark_wrapper_vk_hash", "created_at", "protocol_version_patch"));
        versionColumns.addAll(extraVersionColumns);
        requiredColumns.put("prover_fri_protocol_versions", List.copyOf(versionColumns));
        requiredColumns.put("witness_inputs_fri", jobColumns.get("witness_inputs_fri"));
        requiredColumns.put("proof_compression_jobs_fri", jobColumns.get("proof_compression_jobs_fri"));
        requiredUnique.put("prover_fri_protocol_versions", Set.of("id", "protocol_version_patch"));
        requiredUnique.put("witness_inputs_fri", witnessKey);
    }

    /** The dialect a profile's SQL is written for. */
    public static SchemaDialect of(ApiMode mode) {
        return mode == ApiMode.Legacy ? V25_4 : CHAIN_ID;
    }

    /** How operators recognise it, e.g. in a mismatch message. */
    public String description() {
        return description;
    }

    String ddlResource() {
        return ddlResource;
    }

    /** Table → the columns the gateway reads or writes, in table order. */
    Map<String, List<String>> requiredColumns() {
        return requiredColumns;
    }

    /** Table → the column set of a unique constraint needed by ON CONFLICT. */
    Map<String, Set<String>> requiredUnique() {
        return requiredUnique;
    }
}
