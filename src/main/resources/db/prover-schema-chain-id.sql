-- The prover-DB tables the gateway touches in the chain-id form left by all 18 prover_dal migrations at
-- zksync-era 3e29e4a (= core-v29.20.0 for these tables; push-mode spec section 5.2): fflonk_snark_wrapper_vk_hash,
-- priority, batch_sealed_at, chain_id, and primary keys (l1_batch_number, chain_id). Written for prover-gateway's
-- SchemaInstaller (init-schema --api-mode ProverCluster); runs in one transaction.

CREATE TABLE public.prover_fri_protocol_versions (
    id integer NOT NULL,
    recursion_scheduler_level_vk_hash bytea DEFAULT '\x'::bytea NOT NULL,
    recursion_node_level_vk_hash bytea,
    recursion_leaf_level_vk_hash bytea,
    recursion_circuits_set_vks_hash bytea,
    created_at timestamp without time zone NOT NULL,
    protocol_version_patch integer DEFAULT 0 NOT NULL,
    snark_wrapper_vk_hash bytea NOT NULL,
    fflonk_snark_wrapper_vk_hash bytea,
    CONSTRAINT prover_fri_protocol_versions_pkey PRIMARY KEY (id, protocol_version_patch)
);

CREATE TABLE public.witness_inputs_fri (
    l1_batch_number bigint NOT NULL,
    attempts smallint DEFAULT 0 NOT NULL,
    status text NOT NULL,
    error text,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    processing_started_at timestamp without time zone,
    time_taken time without time zone,
    protocol_version integer,
    picked_by text,
    protocol_version_patch integer DEFAULT 0 NOT NULL,
    witness_inputs_blob_url text,
    priority integer DEFAULT 0 NOT NULL,
    batch_sealed_at timestamp without time zone DEFAULT now() NOT NULL,
    chain_id integer DEFAULT 0 NOT NULL,
    CONSTRAINT witness_inputs_fri_pkey PRIMARY KEY (l1_batch_number, chain_id),
    CONSTRAINT protocol_semantic_version_fk FOREIGN KEY (protocol_version, protocol_version_patch)
        REFERENCES public.prover_fri_protocol_versions (id, protocol_version_patch)
);

CREATE TABLE public.proof_compression_jobs_fri (
    l1_batch_number bigint NOT NULL,
    attempts smallint DEFAULT 0 NOT NULL,
    status text NOT NULL,
    fri_proof_blob_url text,
    l1_proof_blob_url text,
    error text,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    processing_started_at timestamp without time zone,
    time_taken time without time zone,
    picked_by text,
    protocol_version integer,
    protocol_version_patch integer DEFAULT 0 NOT NULL,
    priority integer DEFAULT 0 NOT NULL,
    batch_sealed_at timestamp without time zone DEFAULT now() NOT NULL,
    chain_id integer DEFAULT 0 NOT NULL,
    CONSTRAINT proof_compression_jobs_fri_pkey PRIMARY KEY (l1_batch_number, chain_id),
    CONSTRAINT protocol_semantic_version_fk FOREIGN KEY (protocol_version, protocol_version_patch)
        REFERENCES public.prover_fri_protocol_versions (id, protocol_version_patch)
);

CREATE INDEX idx_witness_inputs_fri_priority
    ON public.witness_inputs_fri USING btree (priority, batch_sealed_at)
    WHERE (status = 'queued'::text);

CREATE INDEX idx_witness_inputs_fri_queued_order
    ON public.witness_inputs_fri USING btree (l1_batch_number)
    WHERE (status = 'queued'::text);

CREATE INDEX idx_witness_inputs_fri_status_processing_attempts
    ON public.witness_inputs_fri USING btree (processing_started_at, attempts)
    WHERE (status = ANY (ARRAY['in_progress'::text, 'failed'::text]));

CREATE INDEX idx_proof_compression_jobs_fri_priority
    ON public.proof_compression_jobs_fri USING btree (priority, batch_sealed_at)
    WHERE (status = 'queued'::text);

CREATE INDEX idx_proof_compressor_jobs_fri_queued_order
    ON public.proof_compression_jobs_fri USING btree (l1_batch_number)
    WHERE (status = 'queued'::text);

CREATE INDEX idx_proof_compression_jobs_fri_status_processing_attempts
    ON public.proof_compression_jobs_fri USING btree (processing_started_at, attempts)
    WHERE (status = ANY (ARRAY['in_progress'::text, 'failed'::text]));

COMMENT ON TABLE public.prover_fri_protocol_versions IS 'Used for determining which version of the FRI protocol is used for a given batch. Useful for VM upgrades, but currently more of a kludge.';

COMMENT ON COLUMN public.prover_fri_protocol_versions.recursion_scheduler_level_vk_hash IS 'This column is deprecated and will be removed in the future. Use snark_wrapper_vk_hash instead.';

COMMENT ON TABLE public.witness_inputs_fri IS 'Witness input jobs. Each is picked by a WG which produces input for provers.';

COMMENT ON TABLE public.proof_compression_jobs_fri IS 'Proof compression jobs. Last step, turning the wrapping the STARK proof into a SNARK wrapper. (STARK -> SNARK)';
