// Generated from apps/server/openapi.json by apps/web/tools/write-api-schema.ts (npm run api:generate -w apps/web).
// Do not edit: a test fails when regenerating changes this file.

export interface paths {
    "/api/v1/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Sets an HttpOnly session cookie and answers the CSRF token to send with unsafe requests. Rate-limited per IP.
         *
         *     Access: `public`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the current session
         * @description Access: `session`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user and the session CSRF token
         * @description Access: `session`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the workspace's users
         * @description Access: `workspace.admin`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["User"][];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a user
         * @description Access: `workspace.admin`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        displayName: string;
                        password: string;
                        roles: ("admin" | "agent" | "reviewer" | "dispatcher" | "technician")[];
                        /** @enum {string} */
                        locale?: "zh-CN" | "en";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace a user's roles
         * @description Refused (409) when it would leave the workspace without an enabled admin.
         *
         *     Access: `workspace.admin`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        roles: ("admin" | "agent" | "reviewer" | "dispatcher" | "technician")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable a user and end their sessions
         * @description Access: `workspace.admin`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the workspace's API keys
         * @description Access: `workspace.admin`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApiKey"][];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an API key (the key is shown once)
         * @description Use it as `Authorization: Bearer pdk_…`. Only its SHA-256 is stored.
         *
         *     Access: `workspace.admin`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        roles: ("admin" | "agent" | "reviewer" | "dispatcher" | "technician")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            apiKey: components["schemas"]["ApiKey"];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description Access: `workspace.admin`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's workspace
         * @description Access: `workspace.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Workspace"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspace/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The claim policy
         * @description Access: `workspace.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkspacePolicy"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Replace the claim policy
         * @description Access: `workspace.admin`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WorkspacePolicy"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkspacePolicy"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit log, newest first
         * @description Access: `audit.read`.
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AuditEvent"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the workspace's audit hash chain
         * @description Names the first broken row when the chain does not verify.
         *
         *     Access: `audit.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditChainVerification"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/dead": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workspace's dead jobs, most recent first
         * @description Access: `jobs.admin`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["DeadJob"][];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/requeue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue a dead job again
         * @description Access: `jobs.admin`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "queued";
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List products, newest first
         * @description Access: `catalogue.read`.
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Product"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a product
         * @description Access: `catalogue.write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retried create safe: the same key and body answer the first response again */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        sku: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Product"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a product
         * @description Access: `catalogue.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Product"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A product's listing photos
         * @description Access: `catalogue.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ReferencePhoto"][];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload a listing photo
         * @description multipart/form-data with one file in the field `file`; the format is sniffed from the bytes (415 for anything but a supported image), 413 over the size limit, and nothing is stored for a refused or aborted upload. Evidence of undecided claims is analysed again against the new reference.
         *
         *     Access: `catalogue.write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description The photo (JPEG, PNG, WebP, HEIC, AVIF…)
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReferencePhoto"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reference-photos/{id}/image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A reference photo's bytes
         * @description Access: `catalogue.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImageBytes"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reference-photos/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a reference photo
         * @description Evidence of undecided claims is analysed again without it.
         *
         *     Access: `catalogue.write`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List orders, newest first
         * @description Access: `claim.read`.
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Order"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Record an order (and its buyer)
         * @description Access: `claim.create`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retried create safe: the same key and body answer the first response again */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description taobao, jd, pdd, douyin, … */
                        platform: string;
                        platformOrderId: string;
                        productId?: string;
                        amountFen: number;
                        /** @description ISO 8601 UTC time */
                        orderedAt?: string;
                        /** @description ISO 8601 UTC time */
                        shippedAt?: string;
                        /** @description ISO 8601 UTC time */
                        deliveredAt?: string;
                        buyer?: {
                            /** @description Only a keyed HMAC of it is stored */
                            accountId: string;
                            contact?: components["schemas"]["BuyerContactInput"];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an order
         * @description Access: `claim.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Order"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An order's packing photos
         * @description Access: `claim.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ReferencePhoto"][];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload a packing photo
         * @description multipart/form-data with one file in the field `file`; sniffed (415), size-limited (413), nothing stored when refused.
         *
         *     Access: `catalogue.write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description The photo (JPEG, PNG, WebP, HEIC, AVIF…)
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReferencePhoto"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/buyers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find buyers by phone number (blind index; nothing decrypted)
         * @description Access: `claim.read`.
         */
        get: {
            parameters: {
                query: {
                    phone: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Buyer"][];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/buyers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a buyer
         * @description Access: `claim.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Buyer"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/buyers/{id}/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A buyer's claim history in the workspace, newest first
         * @description Access: `claim.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Claim"][];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/buyers/{id}/contact/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decrypt a buyer's contact data (audited)
         * @description Every reveal is written to the audit log with who asked.
         *
         *     Access: `claim.respond`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BuyerContact"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List claims, newest first, with filters
         * @description Access: `claim.read`.
         */
        get: {
            parameters: {
                query?: {
                    status?: "submitted" | "analysing" | "awaiting_merchant" | "in_review" | "approved" | "partially_approved" | "rejected" | "appealed" | "final" | "withdrawn";
                    flagged?: "true" | "false";
                    /** @description A claim id, a platform order id, or words of the reason */
                    q?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Claim"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a claim
         * @description Send an `Idempotency-Key` header to make retries safe: the same key and body answer the first response again; the same key with another body answers 409 `idempotency_mismatch`.
         *
         *     Access: `claim.create`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retried create safe: the same key and body answer the first response again */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        orderId: string;
                        /** @enum {string} */
                        type: "refund_only" | "return_refund" | "exchange" | "repair";
                        reason: string;
                        /** @description What the buyer asks for, in fen; at most the order amount */
                        amountFen: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Claim"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/claims/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a claim
         * @description Access: `claim.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Claim"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/claims/{id}/buyer-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a signed link for the buyer to follow this one claim
         * @description The buyer uses it as `Authorization: Buyer <token>` or `?token=<token>` on /buyer/claim.
         *
         *     Access: `claim.respond`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 168 */
                        expiresInHours?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            url: string;
                            /** @description ISO 8601 UTC time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/claims/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A claim's evidence photos with their analysis reports
         * @description Access: `claim.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Evidence"][];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload an evidence photo on the buyer's behalf
         * @description multipart/form-data with one file in the field `file`; the format is sniffed from the bytes (415 for anything but a supported image), 413 over the size limit, and nothing is stored for a refused or aborted upload. The claim goes to `analysing` and the photo is analysed in the background.
         *
         *     Access: `claim.create`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description The photo (JPEG, PNG, WebP, HEIC, AVIF…)
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Evidence"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/claims/{id}/counter-evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload the merchant's counter-evidence photo
         * @description multipart/form-data with one file in the field `file`; the format is sniffed from the bytes (415 for anything but a supported image), 413 over the size limit, and nothing is stored for a refused or aborted upload. The claim goes to `analysing` and the photo is analysed in the background.
         *
         *     Access: `claim.respond`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description The photo (JPEG, PNG, WebP, HEIC, AVIF…)
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Evidence"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/claims/{id}/evidence/{evidenceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One evidence photo and its report (findings, regions, facts)
         * @description Access: `claim.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    evidenceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Evidence"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/claims/{id}/evidence/{evidenceId}/image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An evidence photo's bytes
         * @description Access: `claim.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    evidenceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImageBytes"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/claims/{id}/response": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The merchant's response within the window: accept the claim or contest it
         * @description Access: `claim.respond`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        statement: string;
                        accept: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Claim"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/claims/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The reviewer's decision
         * @description Access: `claim.decide`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "approved" | "partially_approved" | "rejected";
                        reasonCode: string;
                        note?: string;
                        approvedAmountFen?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Claim"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/claims/{id}/appeal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * File the one appeal against a decision
         * @description Access: `claim.respond`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Claim"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/claims/{id}/finalise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a decided claim for good
         * @description Access: `claim.decide`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Claim"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/claims/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw an undecided claim
         * @description Access: `claim.create`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Claim"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/claims/{id}/evidence-package": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A claim's evidence package for a platform appeal or a police report (PDF or ZIP)
         * @description The PDF (zh-CN by default, `lang=en` for English): case summary, order and delivery, every evidence photo with its SHA-256 and findings (pictured), provenance, the merchant side, the buyer history with legal flags, and the audit trail with its chain verification. The ZIP (streamed) adds the originals byte for byte, report.json, audit.json, manifest.json, SHA256SUMS and a README; `proofdesk package verify` or `sha256sum -c SHA256SUMS` re-checks it. Every export is audited (`claim.package_exported`). Staff only: a buyer link is refused. The ZIP carries manifest.sig, the Ed25519 signature of manifest.json under the workspace's package-signing key (signing-key.json; its fingerprint is also on the PDF's cover).
         *
         *     Access: `claim.read`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description `pdf`: the report alone; `zip`: the report with the originals */
                    format?: "pdf" | "zip";
                    /** @description The PDF's language (the ZIP's README is in both) */
                    lang?: "zh" | "en";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidencePackageBytes"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspace/package-signing-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workspace's evidence-package signing key, to hand recipients out of band
         * @description The Ed25519 public key that signs every evidence package ZIP of this workspace (manifest.sig), and its fingerprint. Made on first use (the first export or this call) and never replaced, so a platform or the police can pin it once: `proofdesk package verify <zip> --key <fingerprint>`. Staff only.
         *
         *     Access: `claim.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PackageSigningKey"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/buyer/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The buyer's claim, through a signed link
         * @description An expired link answers 410 `link_expired`.
         *
         *     Access: `claim.buyer`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The link token, if not in the header */
                    token?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BuyerClaim"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/buyer/claim/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a photo to the claim, through a signed link
         * @description multipart/form-data with one file in the field `file`; sniffed (415), size-limited (413), nothing stored when refused.
         *
         *     Access: `claim.buyer`.
         */
        post: {
            parameters: {
                query?: {
                    /** @description The link token, if not in the header */
                    token?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description The photo (JPEG, PNG, WebP, HEIC, AVIF…)
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            filename: string;
                            /** @description ISO 8601 UTC time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/buyer/claim/appeal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Appeal the decision once, through a signed link
         * @description Within the workspace's appeal window after a decision; 409 `invalid_state` before a decision, after the one appeal (by the buyer or the merchant) or once the window has passed.
         *
         *     Access: `claim.buyer`.
         */
        post: {
            parameters: {
                query?: {
                    /** @description The link token, if not in the header */
                    token?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why the decision should change */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BuyerClaim"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check photos without a claim
         * @description multipart/form-data with one or more photos in the field `photo` and zero or more reference photos (listing or packing photos) in the field `ref`, at most 20 files. Each photo is checked in memory like `proofdesk check --ref`: a file that is not a supported image, or is over the size limit, is answered as a report with verdict `error`; unusable reference photos are skipped. Nothing is stored.
         *
         *     Access: `claim.read`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description The photo (JPEG, PNG, WebP, HEIC, AVIF…)
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reports: components["schemas"]["PhotoReport"][];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/check/html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check photos without a claim, as an HTML report
         * @description multipart/form-data with one or more photos in the field `photo` and zero or more reference photos (listing or packing photos) in the field `ref`, at most 20 files. Each photo is checked in memory like `proofdesk check --ref`: a file that is not a supported image, or is over the size limit, is answered as a report with verdict `error`; unusable reference photos are skipped. Nothing is stored. Answers the self-contained bilingual HTML report `proofdesk check --html` writes, as a download.
         *
         *     Access: `claim.read`.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Language the HTML report opens in (both are in it) */
                    lang?: "zh" | "en";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description The photo (JPEG, PNG, WebP, HEIC, AVIF…)
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HtmlReport"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/areas/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve place names to division codes
         * @description Each name as brands and customers write it (`凉山甘洛县`, `东莞市万江街道`) → resolved (code and official full name), ambiguous (candidates, never a guess) or unresolved (why). At most 1,000 names a call.
         *
         *     Access: `network.read`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        names: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: components["schemas"]["AreaResolution"][];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/areas/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A division with its ancestors and children
         * @description Shared reference data (the same for every workspace). 404 for a code that names no division.
         *
         *     Access: `network.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Division code: 6 digits (GB/T 2260) or 9 digits (township) */
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AreaDetail"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outlets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List outlets
         * @description Access: `network.read`.
         */
        get: {
            parameters: {
                query?: {
                    active?: "true" | "false";
                    /** @description Outlets whose own area code starts with this, e.g. 4419 for 东莞 */
                    areaPrefix?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Outlet"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an outlet
         * @description Access: `network.admin`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retried create safe: the same key and body answer the first response again */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        address: string;
                        /** @description Division code: 6 digits (GB/T 2260) or 9 digits (township) */
                        areaCode: string;
                        /** @default [] */
                        phones?: string[];
                        managerUserId?: string | null;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Outlet"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outlets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an outlet
         * @description Access: `network.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Outlet"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Deactivate an outlet
         * @description Takes the outlet and its coverage out of dispatch. Nothing is erased (repair orders and the audit trail name it); `PATCH {active: true}` brings it back with its coverage.
         *
         *     Access: `network.admin`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Outlet"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change an outlet
         * @description Only the fields given change; `managerUserId: null` removes the manager.
         *
         *     Access: `network.admin`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        address?: string;
                        /** @description Division code: 6 digits (GB/T 2260) or 9 digits (township) */
                        areaCode?: string;
                        phones?: string[];
                        managerUserId?: string | null;
                        active?: boolean;
                        /** @description The version the edit was made over: 409 when the record changed since */
                        expectedVersion?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Outlet"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/outlets/{id}/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An outlet's coverage rules
         * @description Access: `network.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OutletCoverage"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Replace an outlet's coverage
         * @description Division codes at any level, included or excluded; for a customer the most specific rule on their area's lineage decides (a township rule overrides its county's).
         *
         *     Access: `network.admin`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rules: {
                            /** @description Division code: 6 digits (GB/T 2260) or 9 digits (township) */
                            code: string;
                            /** @enum {string} */
                            mode: "include" | "exclude";
                        }[];
                        /** @description The version the edit was made over: 409 when the record changed since */
                        expectedVersion?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OutletCoverage"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outlets/{id}/coverage/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import coverage from a pasted list of place names
         * @description Every line resolved: resolved, ambiguous (candidates) or unresolved (why), with duplicates and codes already covered marked. `apply: false` previews (network.read); `apply: true` stores a rule for every resolved name the outlet has no rule for (network.admin), never for an ambiguous or unresolved one.
         *
         *     Access: `network.read`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description One place name per line; blank lines and lines starting with # skipped */
                        text: string;
                        /** @description false: preview only; true: store a rule for every resolved name */
                        apply: boolean;
                        /**
                         * @default include
                         * @enum {string}
                         */
                        mode?: "include" | "exclude";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CoverageImportReport"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/technicians": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List technicians
         * @description Access: `network.read`.
         */
        get: {
            parameters: {
                query?: {
                    homeOutletId?: string;
                    active?: "true" | "false";
                    /** @description Find by phone (any notation) through the blind index */
                    phone?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Technician"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a technician
         * @description The phone is sealed at rest and answered masked.
         *
         *     Access: `network.admin`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retried create safe: the same key and body answer the first response again */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        phone: string;
                        homeOutletId: string;
                        skills: {
                            productLines: string[];
                            faultCategories: ("fingerprint_not_recognised" | "motor_jammed" | "battery_drained" | "forgotten_password" | "door_wont_lock" | "other")[];
                        };
                        userId?: string | null;
                        rating?: number;
                        capacityOverride?: number | null;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Technician"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/technicians/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a technician
         * @description Access: `network.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Technician"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Deactivate a technician
         * @description Takes the technician out of dispatch; nothing is erased.
         *
         *     Access: `network.admin`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Technician"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a technician
         * @description Access: `network.admin`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        phone?: string;
                        homeOutletId?: string;
                        skills?: {
                            productLines: string[];
                            faultCategories: ("fingerprint_not_recognised" | "motor_jammed" | "battery_drained" | "forgotten_password" | "door_wont_lock" | "other")[];
                        };
                        userId?: string | null;
                        rating?: number;
                        capacityOverride?: number | null;
                        active?: boolean;
                        /** @description The version the edit was made over: 409 when the record changed since */
                        expectedVersion?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Technician"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/technicians/{id}/phone/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reveal a technician's phone number
         * @description Each reveal is recorded in the audit log.
         *
         *     Access: `service.contact_reveal`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            phone: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/technicians/{id}/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A technician's days off and extra working days
         * @description Access: `network.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TechnicianCalendar"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Replace a technician's days off and extra working days
         * @description Access: `network.admin`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Working days the technician does not work */
                        off: string[];
                        /** @description Days off (weekend, holiday) the technician works */
                        on: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TechnicianCalendar"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Service settings: slot hours and capacity, product lines
         * @description Access: `network.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["VersionedServiceSettings"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Replace the service settings
         * @description Validated as a whole (slots in order without overlap, capacity 1..20); 409 on a stale expectedVersion.
         *
         *     Access: `network.admin`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        slots: {
                            hours: {
                                morning: {
                                    /** @description HH:MM, Asia/Shanghai */
                                    start: string;
                                    /** @description HH:MM, Asia/Shanghai */
                                    end: string;
                                };
                                afternoon: {
                                    /** @description HH:MM, Asia/Shanghai */
                                    start: string;
                                    /** @description HH:MM, Asia/Shanghai */
                                    end: string;
                                };
                                evening: {
                                    /** @description HH:MM, Asia/Shanghai */
                                    start: string;
                                    /** @description HH:MM, Asia/Shanghai */
                                    end: string;
                                };
                            };
                            /** @description Bookings per technician per slot, 1..20 */
                            capacityPerTechnician: number;
                        };
                        sla: {
                            /** @description Business minutes from assignment to accept / call */
                            responseMinutes: number;
                            /** @description Business minutes from acceptance (or the slot start) to check-in */
                            arrivalMinutes: number;
                            /** @description Business minutes from report to completion */
                            resolutionMinutes: number;
                            /** @description The hours of a working day that count */
                            hours: {
                                /** @description HH:MM, Asia/Shanghai */
                                start: string;
                                /** @description HH:MM, Asia/Shanghai */
                                end: string;
                            };
                            escalationDelayMinutes: {
                                dispatcher: number;
                                outlet_manager: number;
                                brand: number;
                            };
                        };
                        inspection: {
                            /** @description A customer's first order gets a free inspection */
                            freeFirstInspection: boolean;
                            /** @description Inspections in warranty are free */
                            freeInWarranty: boolean;
                            /** @description The inspection fee otherwise, integer fen */
                            inspectionFeeFen: number;
                        };
                        productLines: string[];
                        /** @description Complaint SLAs; left out, the stored ones stay (clients written before they existed) */
                        complaints?: {
                            /** @description Working minutes from filing (or reopening) to acknowledgement */
                            acknowledgeMinutes: number;
                            /** @description Working minutes from filing (or reopening) to a resolution */
                            resolveMinutes: number;
                            /** @description The office hours of a working day that count */
                            hours: {
                                /** @description HH:MM, Asia/Shanghai */
                                start: string;
                                /** @description HH:MM, Asia/Shanghai */
                                end: string;
                            };
                            escalationDelayMinutes: {
                                outlet: number;
                                region: number;
                                brand: number;
                            };
                        };
                        expectedVersion?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["VersionedServiceSettings"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The business calendar: workdays, weekends, public holidays, make-up working days
         * @description Asia/Shanghai dates, `from` to `to` inclusive, at most 366 days.
         *
         *     Access: `network.read`.
         */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BusinessCalendar"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repair-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List repair orders, newest first, with the board’s filters
         * @description A technician sees only the orders assigned to them. Contact data is masked.
         *
         *     Access: `network.read`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Booked date, or the preferred date before booking */
                    date?: string;
                    slot?: "morning" | "afternoon" | "evening";
                    /** @description Division code prefix: 4601 for 海口市, 460106 for 龙华区 */
                    areaPrefix?: string;
                    status?: "reported" | "assigned" | "accepted" | "on_the_way" | "on_site" | "completed" | "needs_parts" | "rescheduled" | "closed" | "cancelled";
                    outletId?: string;
                    technicianId?: string;
                    sla?: "breached" | "ok";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["RepairOrder"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Take a repair order in (phone, counter)
         * @description The customer is found by phone (blind index) or created; contact and address are sealed. The area is a division code or free text resolved to one county or township (an ambiguous text answers 422 with its candidates in `details.candidates`). Answers the order and the customer’s status-link token, shown once (only its hash is stored; so this create is not replayed by Idempotency-Key).
         *
         *     Access: `service.intake`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        customer: {
                            name: string;
                            phone: string;
                            /** @description Street, building, door: sealed at rest */
                            address: string;
                        };
                        /** @description Division code: county (6 digits) or township (9) */
                        areaCode?: string;
                        /** @description Free text (凉山甘洛县), resolved when no areaCode */
                        areaText?: string;
                        /** @description One of the workspace's product lines (default: its first) */
                        productLine?: string;
                        serial?: string;
                        /** @enum {string} */
                        faultCategory: "fingerprint_not_recognised" | "motor_jammed" | "battery_drained" | "forgotten_password" | "door_wont_lock" | "other";
                        description: string;
                        /** @description YYYY-MM-DD, Asia/Shanghai */
                        preferredDate: string;
                        /** @enum {string} */
                        preferredSlot: "morning" | "afternoon" | "evening";
                        /** @enum {string} */
                        channel: "phone" | "web" | "counter";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            order: components["schemas"]["RepairOrderDetail"];
                            statusToken: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repair-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One repair order: history with dispatch explanations, SLA timers, visit and media
         * @description Access: `network.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairOrderDetail"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repair-orders/{id}/dispatch-candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ranked technicians for the order’s (or the given) date and slot, each explained
         * @description Access: `service.dispatch`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description YYYY-MM-DD, Asia/Shanghai */
                    date?: string;
                    slot?: "morning" | "afternoon" | "evening";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DispatchDecision"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repair-orders/{id}/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dispatch automatically to the best-ranked technician
         * @description 409 `invalid_state` when nobody is eligible (the message says who was left out and why).
         *
         *     Access: `service.dispatch`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description YYYY-MM-DD, Asia/Shanghai */
                        date?: string;
                        /** @enum {string} */
                        slot?: "morning" | "afternoon" | "evening";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairOrderDetail"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repair-orders/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign or reassign by hand, with a reason
         * @description May override the hard filters (a full slot, outside the coverage); the override is recorded.
         *
         *     Access: `service.dispatch`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        technicianId: string;
                        /** @description YYYY-MM-DD, Asia/Shanghai */
                        date: string;
                        /** @enum {string} */
                        slot: "morning" | "afternoon" | "evening";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairOrderDetail"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repair-orders/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the order on: accept, call_customer, depart, arrive, complete, parts_needed, reschedule, close, cancel
         * @description The technician’s steps need `service.work` (a technician only on their own order; another’s answers 404); `reschedule` (with `date`, `slot`, `reason`) and `close` need `service.dispatch`; `cancel` (with `reason`) needs `service.intake`. 409 `invalid_state` when the status machine does not allow the event.
         *
         *     Access: `network.read`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        event: "accept" | "call_customer" | "depart" | "arrive" | "complete" | "parts_needed" | "reschedule" | "close" | "cancel";
                        note?: string;
                        /** @description Required for reschedule and cancel */
                        reason?: string;
                        /** @description reschedule: the new date */
                        date?: string;
                        /**
                         * @description reschedule: the new slot
                         * @enum {string}
                         */
                        slot?: "morning" | "afternoon" | "evening";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairOrderDetail"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repair-orders/{id}/visit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Record the visit: check-in and check-out, notes, parts and fees (fen)
         * @description Access: `service.work`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        checkedInAt?: string | null;
                        checkedOutAt?: string | null;
                        notes?: string | null;
                        parts?: {
                            name: string;
                            quantity: number;
                            priceFen: number;
                        }[];
                        feeFen?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairVisit"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repair-orders/{id}/visit/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The visit’s photos and recordings
         * @description Access: `network.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["VisitMedia"][];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a photo or a recording to the visit
         * @description multipart/form-data with one file in the field `file`: a photo (JPEG, PNG, WebP, HEIC…) or a recording of the call or visit (M4A, MP3, AMR, WAV, OGG), recognised by its bytes (415 otherwise), 413 over the size limit, nothing stored when refused.
         *
         *     Access: `service.work`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description The photo (JPEG, PNG, WebP, HEIC, AVIF…)
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["VisitMedia"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repair-orders/{id}/visit/media/{mediaId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The bytes of one photo or recording (its type sniffed at upload)
         * @description Access: `network.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    mediaId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImageBytes"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repair-orders/{id}/contact/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The customer’s full name, phone and address (audited)
         * @description With `service.contact_reveal`, or as the technician assigned to the order; 403 otherwise. Every reveal is written to the audit log with who asked.
         *
         *     Access: `network.read`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairContact"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Free booking capacity per day and slot for an area, product line and fault
         * @description Counts the technicians who pass every hard filter and their free bookings; at most 31 days.
         *
         *     Access: `network.read`.
         */
        get: {
            parameters: {
                query: {
                    /** @description Division code: county (6 digits) or township (9) */
                    areaCode: string;
                    productLine: string;
                    faultCategory: "fingerprint_not_recognised" | "motor_jammed" | "battery_drained" | "forgotten_password" | "door_wont_lock" | "other";
                    /** @description YYYY-MM-DD, Asia/Shanghai */
                    from: string;
                    /** @description YYYY-MM-DD, Asia/Shanghai */
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Availability"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * SLA escalations, newest first
         * @description Access: `service.dispatch`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Only the unacknowledged */
                    open?: "true" | "false";
                    orderId?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SlaEscalation"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service/escalations/{id}/ack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge an escalation (audited)
         * @description Access: `service.dispatch`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SlaEscalation"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/care/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List care plans
         * @description Access: `network.read`.
         */
        get: {
            parameters: {
                query?: {
                    includeInactive?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CarePlan"][];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a care plan
         * @description Extended warranty, accidental damage cover or after-sales insurance, with price, term, coverage and limits.
         *
         *     Access: `network.admin`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retried create safe: the same key and body answer the first response again */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: {
                            zh: string;
                            en: string;
                        };
                        terms: components["schemas"]["PlanTermsInput"];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CarePlan"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/care/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a care plan
         * @description Access: `network.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CarePlan"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a care plan
         * @description New terms bind only later sales; `active: false` stops selling it.
         *
         *     Access: `network.admin`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: {
                            zh: string;
                            en: string;
                        };
                        terms?: components["schemas"]["PlanTermsInput"];
                        active?: boolean;
                        expectedVersion?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CarePlan"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/care/serials/{serial}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Look up a serial: standard warranty today and the plans sold on it
         * @description Access: `network.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    serial: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SerialRecord"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Register a serial or correct its registration
         * @description Access: `service.intake`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    serial: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        productLine: string;
                        model?: string | null;
                        purchasedOn?: string | null;
                        warrantyMonths?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SerialRecord"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/care/serials/{serial}/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sell a care plan on a serial
         * @description At the plan’s current price and terms; `activate: true` starts it today.
         *
         *     Access: `service.intake`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retried create safe: the same key and body answer the first response again */
                    "idempotency-key"?: string;
                };
                path: {
                    serial: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        planId: string;
                        activate?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SerialPlan"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/care/serial-plans/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate a sold plan
         * @description An extended warranty’s term starts the day after the standard warranty ends.
         *
         *     Access: `service.intake`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SerialPlan"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/care/serial-plans/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a plan sale
         * @description Refund: all before the term starts, the unused share during it, nothing once a claim was paid.
         *
         *     Access: `service.intake`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SerialPlan"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repair-orders/{id}/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A repair order's coverage: who pays what and why
         * @description Decided at intake; decided again with the visit’s labour and parts at completion (plan claims).
         *
         *     Access: `network.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderCoverage"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repair-orders/{id}/coverage/facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Record whether the damage is accidental, and decide the coverage again
         * @description The standard warranty never covers accidental damage; only a plan covering it does. Refused (409) once the order was settled at completion.
         *
         *     Access: `service.intake`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accidentalDamage: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderCoverage"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/care/plan-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Plans sold, revenue, claims and loss ratio per plan over a period
         * @description Access: `network.admin`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description YYYY-MM-DD (Asia/Shanghai) */
                    from?: string;
                    /** @description YYYY-MM-DD (Asia/Shanghai) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlanReport"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/workspaces/{slug}/repair-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Book a repair through the public web form
         * @description Answers the status-link token (shown once) and the order as the customer sees it. Rate-limited per IP.
         *
         *     Access: `public`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        customer: {
                            name: string;
                            phone: string;
                            /** @description Street, building, door: sealed at rest */
                            address: string;
                        };
                        /** @description Division code: county (6 digits) or township (9) */
                        areaCode?: string;
                        /** @description Free text (凉山甘洛县), resolved when no areaCode */
                        areaText?: string;
                        /** @description One of the workspace's product lines (default: its first) */
                        productLine?: string;
                        serial?: string;
                        /** @enum {string} */
                        faultCategory: "fingerprint_not_recognised" | "motor_jammed" | "battery_drained" | "forgotten_password" | "door_wont_lock" | "other";
                        description: string;
                        /** @description YYYY-MM-DD, Asia/Shanghai */
                        preferredDate: string;
                        /** @enum {string} */
                        preferredSlot: "morning" | "afternoon" | "evening";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusToken: string;
                            order: components["schemas"]["CustomerRepairOrder"];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/workspaces/{slug}/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Free booking capacity per day and slot, for the public form
         * @description Access: `public`.
         */
        get: {
            parameters: {
                query: {
                    /** @description Division code: county (6 digits) or township (9) */
                    areaCode: string;
                    productLine: string;
                    faultCategory: "fingerprint_not_recognised" | "motor_jammed" | "battery_drained" | "forgotten_password" | "door_wont_lock" | "other";
                    /** @description YYYY-MM-DD, Asia/Shanghai */
                    from: string;
                    /** @description YYYY-MM-DD, Asia/Shanghai */
                    to: string;
                };
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Availability"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/repair-orders/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The customer’s order through their status link
         * @description Access: `public`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerRepairOrder"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/repair-orders/{token}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm the completed repair with a rating (closes the order)
         * @description Access: `public`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rating: number;
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerRepairOrder"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/repair-orders/{token}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel the order before the repair
         * @description Access: `public`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerRepairOrder"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/official-channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The brand’s registered hotlines and websites
         * @description Access: `network.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["OfficialChannel"][];
                            /** @description The public verification page: /verify/<slug> */
                            verifyPath: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Register a hotline or website
         * @description The value is stored canonically (any notation of the number, any form of the URL finds it). A mobile cannot be a hotline; outlets and technicians are official through the service network.
         *
         *     Access: `network.admin`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retried create safe: the same key and body answer the first response again */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "hotline" | "website";
                        /** @description As written: `400-186-5909`, `https://www.brand.com.cn/` */
                        value: string;
                        label: string;
                        areaCode?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OfficialChannel"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/official-channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change or deactivate a registered channel
         * @description Access: `network.admin`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label?: string;
                        areaCode?: string | null;
                        active?: boolean;
                        expectedVersion?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OfficialChannel"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/official-channels/queries/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the public asked: counts, and the impersonating numbers and sites asked about most
         * @description Access: `network.read`.
         */
        get: {
            parameters: {
                query?: {
                    days?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["VerifyQuerySummary"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repair-orders/{id}/technician-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The technician’s verification code for the QR on this work order
         * @description The current code of the order’s technician, or a new one. It verifies until it expires or the order is reassigned or cancelled. A technician reaches only their own orders.
         *
         *     Access: `service.work`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TechnicianCode"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/workspaces/{slug}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Is this number, website, outlet or technician really the brand’s?
         * @description Reads any notation of a phone number (400-1865-909, +86, spaces, full-width digits, 转 extensions), a website, an outlet’s name or a technician code (or the QR’s link), and answers official / not official / unknown with the real channels for the district. Logged without customer data; rate-limited per IP.
         *
         *     Access: `public`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        input: string;
                        areaCode?: string;
                        /** @description The district in words, read by the area resolver */
                        area?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["VerifyAnswer"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/workspaces/{slug}/official-channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The brand’s official channels for a district
         * @description Access: `public`.
         */
        get: {
            parameters: {
                query?: {
                    areaCode?: string;
                    area?: string;
                };
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            brand: string;
                            district: {
                                code: string;
                                fullName: string;
                            } | null;
                            /** @description When the district in words named several places: pick one and send its areaCode */
                            areaCandidates: {
                                code: string;
                                fullName: string;
                            }[];
                            /** @description Why the district in words gave no district */
                            areaNote: components["schemas"]["Bilingual"] | null;
                            channels: components["schemas"]["OfficialChannelsView"];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The complaints queue, newest first, with live SLA timers
         * @description Access: `service.intake`.
         */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "acknowledged" | "in_progress" | "resolved" | "confirmed" | "reopened" | "closed";
                    /** @description Only open, acknowledged, in progress or reopened */
                    open?: string;
                    breached?: string;
                    outletId?: string;
                    technicianId?: string;
                    repairOrderId?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Complaint"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * File a complaint (hotline agent or merchant) against a repair order, technician, outlet or claim
         * @description channel `hotline` needs service.intake, `merchant` claim.respond. The customer’s contact is sealed and masked. Answers the customer’s confirm / reopen link token once (only its hash is stored).
         *
         *     Access: `workspace.read`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        subjectType: "repair_order" | "technician" | "outlet" | "claim";
                        subjectId: string;
                        /** @enum {string} */
                        channel: "hotline" | "merchant";
                        description: string;
                        contact?: {
                            name: string;
                            phone: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            complaint: components["schemas"]["ComplaintDetail"];
                            linkToken: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/report/rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Complaint rates per outlet and technician over a window, smoothed
         * @description Access: `service.dispatch`.
         */
        get: {
            parameters: {
                query?: {
                    days?: number;
                    priorRate?: number;
                    priorWeight?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ComplaintRateReport"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One complaint: history, contacts log, escalations, timers and the events allowed now
         * @description Access: `service.intake`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ComplaintDetail"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a call, message or visit with the customer, with notes
         * @description Access: `service.intake`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "call" | "message" | "visit";
                        /**
                         * @default outbound
                         * @enum {string}
                         */
                        direction?: "outbound" | "inbound";
                        notes: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ComplaintDetail"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/contact/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The customer’s full name and phone of a hotline or merchant filing (audited)
         * @description 404 when the complaint was filed without a contact (a status-page complaint: see its repair order).
         *
         *     Access: `service.contact_reveal`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ComplaintContact"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge, start, resolve (resolution text + upheld) or close
         * @description 409 `invalid_state` when the status machine has no such transition from the current status.
         *
         *     Access: `service.dispatch`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        event: "acknowledge" | "start" | "resolve" | "close";
                        resolution?: string;
                        upheld?: boolean;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ComplaintDetail"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/repair-orders/{token}/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The complaints of the customer’s repair order, through its status link
         * @description Access: `public`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerComplaint"][];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * The customer files a complaint about their repair order, its technician or outlet
         * @description Access: `public`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        about?: "repair_order" | "technician" | "outlet";
                        description: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            complaint: components["schemas"]["CustomerComplaint"];
                            linkToken: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/repair-orders/{token}/complaints/{complaintId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The customer confirms the resolution (through the order’s status link)
         * @description Access: `public`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                    complaintId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerComplaint"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/repair-orders/{token}/complaints/{complaintId}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The customer reopens the complaint, saying why (through the order’s status link)
         * @description Access: `public`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                    complaintId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why the resolution did not help */
                        comment: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerComplaint"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/complaints/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A complaint through its own link (given to a hotline or merchant customer)
         * @description Access: `public`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerComplaint"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/complaints/{token}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The customer confirms the resolution
         * @description Access: `public`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerComplaint"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/complaints/{token}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The customer reopens the complaint, saying why
         * @description Access: `public`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why the resolution did not help */
                        comment: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerComplaint"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My notifications in the console, newest first
         * @description For a signed-in user (a session): API keys have no inbox.
         *
         *     Access: `session`.
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    unread?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Notification"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/mine/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one of my notifications read
         * @description Access: `session`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Notification"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/repair-orders/{token}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The customer asks for status e-mails through their status link
         * @description Every later status change of the order is e-mailed to the address with the status link. The address and the link are sealed at rest; a new address replaces the old. Answers the address masked.
         *
         *     Access: `public`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        /** @enum {string} */
                        locale?: "zh-CN" | "en";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Masked: k***@example.cn */
                            email: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * The customer stops the status e-mails
         * @description Access: `public`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The outbox: every notification with its delivery state
         * @description pending → sending → sent; a failed delivery is retried with exponential backoff (`nextAttemptAt`) and is dead after its last attempt or a permanent refusal.
         *
         *     Access: `workspace.admin`.
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    status?: "pending" | "sending" | "sent" | "failed" | "dead";
                    channel?: "console" | "email" | "webhook" | "sms";
                    topic?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Notification"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/outbox/{id}/requeue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a dead or failed notification again (attempts reset; audited)
         * @description 409 unless the notification is dead or failed.
         *
         *     Access: `workspace.admin`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/settings/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The e-mail channel’s SMTP settings (without the password)
         * @description Access: `workspace.admin`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationEmailSettings"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Set the SMTP server and sender (the password is sealed at rest)
         * @description Access: `workspace.admin`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description null turns e-mail off */
                        smtpHost: string | null;
                        /** @description Default 465 when secure, else 587 */
                        smtpPort?: number;
                        /** @description TLS from the start (465); otherwise STARTTLS when offered */
                        smtpSecure?: boolean;
                        smtpUser?: string | null;
                        /** @description Omitted keeps the stored one; null removes it */
                        smtpPassword?: string | null;
                        /** @description e.g. 售后服务 <service@brand.example> */
                        mailFrom?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationEmailSettings"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Webhook endpoints
         * @description Access: `workspace.admin`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["NotificationWebhook"][];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a webhook endpoint; answers its signing secret this once
         * @description Each request carries `Proofdesk-Delivery` (the same on retries), `Proofdesk-Timestamp` (unix seconds) and `Proofdesk-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`; see docs/notifications.md.
         *
         *     Access: `workspace.admin`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** Format: uri */
                        url: string;
                        topics: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            url: string;
                            topics: string[];
                            enabled: boolean;
                            /** @description ISO 8601 UTC time */
                            createdAt: string;
                            /** @description ISO 8601 UTC time */
                            updatedAt: string;
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Enable or disable a webhook endpoint
         * @description Access: `workspace.admin`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationWebhook"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/feeds/{feedId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A fraud feed’s public key and head
         * @description Anyone holding the unguessable feed id may read it; subscribers pin the key out of band.
         *
         *     Access: `public`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    feedId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            protocol: string;
                            feedId: string;
                            publicKey: string;
                            fingerprint: string;
                            head: components["schemas"]["FeedHead"];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feeds/{feedId}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A page of a fraud feed’s signed entries after a seq
         * @description Access: `public`.
         */
        get: {
            parameters: {
                query?: {
                    after?: number;
                    limit?: number;
                };
                header?: never;
                path: {
                    feedId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            feedId: string;
                            entries: components["schemas"]["FeedEntry"][];
                            head: components["schemas"]["FeedHead"];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feed-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This workspace’s fraud feed: publishing, key fingerprint, head; network key fingerprint
         * @description Access: `workspace.admin`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FeedSettings"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feed-settings/publishing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Turn publishing of confirmed-fraud signals on or off
         * @description The first time on creates the feed id and its Ed25519 key pair. Retractions go out even when off.
         *
         *     Access: `workspace.admin`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FeedSettings"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feed-settings/network-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the key the network’s participants share for buyer identities
         * @description Base64 of at least 32 bytes; sealed at rest, only its fingerprint is shown again.
         *
         *     Access: `workspace.admin`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FeedSettings"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feed-settings/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This workspace’s own feed entries, with their claims
         * @description Access: `workspace.admin`.
         */
        get: {
            parameters: {
                query?: {
                    after?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                seq: number;
                                id: string;
                                /** @enum {string} */
                                type: "fraud_signal" | "retraction";
                                /** @description ISO 8601 UTC time */
                                at: string;
                                /** @description fraud_signal: the signal; retraction: which signal it withdraws, and why */
                                body: {
                                    signalId: string;
                                    pdqHashes: string[];
                                    /** @description HMAC of (platform, account id) under the network key, or null */
                                    buyer: string | null;
                                    amountFen: number;
                                    /** @description ISO 8601 UTC time */
                                    confirmedAt: string;
                                    reasonCode: string;
                                } | {
                                    signalId: string;
                                    reason: string;
                                };
                                prevHash: string;
                                /** @description SHA-256 of "proofdesk-feed/1\n" + canonical JSON of { feedId, seq, id, type, at, body, prevHash } */
                                hash: string;
                                /** @description Ed25519 over the same bytes, base64url */
                                signature: string;
                                claimId: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feed-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Subscribed feeds with their status, last seq and last error
         * @description Access: `workspace.admin`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["FeedSubscription"][];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Subscribe to another installation’s feed, pinning its public key
         * @description Access: `workspace.admin`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description <origin>/api/v1/feeds/<feedId> */
                        url: string;
                        /** @description The publisher’s raw Ed25519 public key, base64url */
                        publicKey: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FeedSubscription"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feed-subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One subscription
         * @description Access: `workspace.admin`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FeedSubscription"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Unsubscribe; its signals stop counting at once
         * @description Access: `workspace.admin`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feed-subscriptions/{id}/pull": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pull and verify the feed now
         * @description Access: `workspace.admin`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobId: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/buyers/{id}/credit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A buyer’s credit: score, band, every factor with its reason, shared and feed signals, legal flags
         * @description Access: `trust.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BuyerCredit"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/claims/{id}/buyer-credit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The credit of a claim’s buyer, for the reviewer (null when the claim has no known buyer)
         * @description Access: `trust.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            credit: components["schemas"]["BuyerCredit"] | null;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trust/flagged-buyers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Buyers whose confirmed-fraud amount is at or over minFen (default: any), largest first
         * @description Access: `trust.read`.
         */
        get: {
            parameters: {
                query?: {
                    minFen?: number;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["FlaggedBuyer"][];
                            nextCursor: string | null;
                            minFen: number;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trust/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workspace’s trust settings: sharing opt-in and legal thresholds
         * @description Access: `trust.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TrustSettings"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Change the sharing opt-in and/or the legal thresholds (audited); an absent field keeps its value
         * @description Access: `trust.admin`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Share buyer signals with other opted-in workspaces (reciprocal) */
                        shareSignals?: boolean;
                        thresholds?: components["schemas"]["LegalThresholds"];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TrustSettings"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        BuyerContactInput: {
            name?: string;
            phone?: string;
            address?: string;
        };
        PlanTermsInput: {
            /** @enum {string} */
            kind: "extended_warranty" | "accidental_damage" | "after_sales_insurance";
            priceFen: number;
            termMonths: number;
            waitingDays: number;
            coverage: {
                faultCategories: ("fingerprint_not_recognised" | "motor_jammed" | "battery_drained" | "forgotten_password" | "door_wont_lock" | "other")[];
                labour: boolean;
                parts: boolean;
                callOut: boolean;
                accidentalDamage: boolean;
            };
            maxClaims: number | null;
            maxAmountFen: number | null;
            productLines: string[];
        };
        Bilingual: {
            zh: string;
            en: string;
        };
        Error: {
            error: {
                /** @enum {string} */
                code: "invalid_input" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "invalid_state" | "idempotency_mismatch" | "link_expired" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "malformed_request" | "internal";
                message: components["schemas"]["Bilingual"];
                details?: {
                    [key: string]: unknown;
                };
                requestId: string;
            };
        };
        /** Format: binary */
        ImageBytes: string;
        ApiKey: {
            id: string;
            name: string;
            /** @description The first characters of the key, to tell keys apart */
            prefix: string;
            roles: ("admin" | "agent" | "reviewer" | "dispatcher" | "technician")[];
            createdBy: string;
            /** @description ISO 8601 UTC time */
            createdAt: string;
            revokedAt: string | null;
            lastUsedAt: string | null;
        };
        DivisionRef: {
            code: string;
            /** @description 四川省凉山彝族自治州甘洛县 */
            fullName: string;
            /** @enum {string} */
            level: "province" | "prefecture" | "county" | "township";
        };
        AreaResolution: {
            input: string;
            /** @enum {string} */
            status: "resolved" | "ambiguous" | "unresolved";
            division?: components["schemas"]["DivisionRef"];
            /** @description Resolved through the alias table (a renamed or missing area) */
            viaAlias?: boolean;
            /** @description Ambiguous: pick one; never guessed */
            candidates?: components["schemas"]["DivisionRef"][];
            reason?: components["schemas"]["Bilingual"];
        };
        AreaDetail: {
            division: {
                code: string;
                /** @description 四川省凉山彝族自治州甘洛县 */
                fullName: string;
                /** @enum {string} */
                level: "province" | "prefecture" | "county" | "township";
                name: string;
                parent: string | null;
            };
            /** @description Province first */
            ancestors: components["schemas"]["DivisionRef"][];
            children: components["schemas"]["DivisionRef"][];
        };
        Outlet: {
            id: string;
            name: string;
            address: string;
            areaCode: string;
            /** @description Official numbers, in full */
            phones: string[];
            managerUserId: string | null;
            active: boolean;
            version: number;
            /** @description ISO 8601 UTC time */
            createdAt: string;
            /** @description ISO 8601 UTC time */
            updatedAt: string;
        };
        OutletCoverage: {
            outletId: string;
            /** @description The outlet's version after the last change */
            version: number;
            rules: {
                code: string;
                /** @enum {string} */
                mode: "include" | "exclude";
                fullName: string | null;
                level: ("province" | "prefecture" | "county" | "township") | null;
            }[];
        };
        CoverageImportReport: {
            applied: boolean;
            /** @enum {string} */
            mode: "include" | "exclude";
            rows: {
                line: number;
                input: string;
                /** @enum {string} */
                status: "resolved" | "ambiguous" | "unresolved";
                division?: components["schemas"]["DivisionRef"];
                viaAlias?: boolean;
                duplicateOfLine?: number;
                /** @enum {string} */
                existingMode?: "include" | "exclude";
                candidates?: components["schemas"]["DivisionRef"][];
                reason?: components["schemas"]["Bilingual"];
            }[];
            counts: {
                lines: number;
                resolved: number;
                ambiguous: number;
                unresolved: number;
                duplicates: number;
                alreadyPresent: number;
                added: number;
            };
            coverage?: components["schemas"]["OutletCoverage"];
        };
        Technician: {
            id: string;
            name: string;
            /** @description 138****5678; the full number only through the audited reveal */
            phoneMasked: string;
            userId: string | null;
            homeOutletId: string;
            skills: {
                productLines: string[];
                faultCategories: ("fingerprint_not_recognised" | "motor_jammed" | "battery_drained" | "forgotten_password" | "door_wont_lock" | "other")[];
            };
            /** @description 0..5 */
            rating: number;
            /** @description Bookings per slot; null = the workspace's capacity */
            capacityOverride: number | null;
            active: boolean;
            version: number;
            /** @description ISO 8601 UTC time */
            createdAt: string;
            /** @description ISO 8601 UTC time */
            updatedAt: string;
        };
        TechnicianCalendar: {
            technicianId: string;
            off: string[];
            on: string[];
        };
        ServiceSettings: {
            slots: {
                hours: {
                    morning: {
                        /** @description HH:MM, Asia/Shanghai */
                        start: string;
                        /** @description HH:MM, Asia/Shanghai */
                        end: string;
                    };
                    afternoon: {
                        /** @description HH:MM, Asia/Shanghai */
                        start: string;
                        /** @description HH:MM, Asia/Shanghai */
                        end: string;
                    };
                    evening: {
                        /** @description HH:MM, Asia/Shanghai */
                        start: string;
                        /** @description HH:MM, Asia/Shanghai */
                        end: string;
                    };
                };
                /** @description Bookings per technician per slot, 1..20 */
                capacityPerTechnician: number;
            };
            sla: {
                /** @description Business minutes from assignment to accept / call */
                responseMinutes: number;
                /** @description Business minutes from acceptance (or the slot start) to check-in */
                arrivalMinutes: number;
                /** @description Business minutes from report to completion */
                resolutionMinutes: number;
                /** @description The hours of a working day that count */
                hours: {
                    /** @description HH:MM, Asia/Shanghai */
                    start: string;
                    /** @description HH:MM, Asia/Shanghai */
                    end: string;
                };
                escalationDelayMinutes: {
                    dispatcher: number;
                    outlet_manager: number;
                    brand: number;
                };
            };
            inspection: {
                /** @description A customer's first order gets a free inspection */
                freeFirstInspection: boolean;
                /** @description Inspections in warranty are free */
                freeInWarranty: boolean;
                /** @description The inspection fee otherwise, integer fen */
                inspectionFeeFen: number;
            };
            productLines: string[];
            /** @description Complaint SLAs (default: 2 working hours to acknowledge, 24 to resolve, 09:00–18:00) */
            complaints: {
                /** @description Working minutes from filing (or reopening) to acknowledgement */
                acknowledgeMinutes: number;
                /** @description Working minutes from filing (or reopening) to a resolution */
                resolveMinutes: number;
                /** @description The office hours of a working day that count */
                hours: {
                    /** @description HH:MM, Asia/Shanghai */
                    start: string;
                    /** @description HH:MM, Asia/Shanghai */
                    end: string;
                };
                escalationDelayMinutes: {
                    outlet: number;
                    region: number;
                    brand: number;
                };
            };
        };
        VersionedServiceSettings: {
            settings: components["schemas"]["ServiceSettings"];
            /** @description 0 until first saved (all defaults) */
            version: number;
            updatedAt: string | null;
        };
        BusinessCalendar: {
            days: {
                date: string;
                /** @enum {string} */
                kind: "workday" | "weekend" | "holiday" | "makeup_workday";
                working: boolean;
                /** @description The holiday (or the holiday a make-up day pays for) */
                name?: components["schemas"]["Bilingual"];
                inLieu?: boolean;
                /** @description false: beyond the holiday data, judged by weekends only */
                fromHolidayData: boolean;
            }[];
            dataYears: {
                from: number;
                to: number;
            };
        };
        User: {
            id: string;
            workspaceId: string;
            email: string;
            displayName: string;
            roles: ("admin" | "agent" | "reviewer" | "dispatcher" | "technician")[];
            locale: string;
            /** @description ISO 8601 UTC time */
            createdAt: string;
            disabledAt: string | null;
        };
        Session: {
            user: components["schemas"]["User"];
            /** @description Send as the x-csrf-token header on POST, PUT, PATCH and DELETE */
            csrfToken: string;
            /** @description ISO 8601 UTC time */
            expiresAt: string;
        };
        Product: {
            id: string;
            sku: string;
            name: string;
            /** @description ISO 8601 UTC time */
            createdAt: string;
        };
        ReferencePhoto: {
            id: string;
            /** @enum {string} */
            kind: "listing" | "packing";
            productId: string | null;
            orderId: string | null;
            filename: string;
            sha256: string;
            /** @description PDQ hash, 64 hex */
            pdqHash: string | null;
            /** @description 0..100 */
            pdqQuality: number | null;
            /** @description pixels, after EXIF orientation */
            width: number | null;
            height: number | null;
            /** @description ISO 8601 UTC time */
            createdAt: string;
        };
        Order: {
            id: string;
            platform: string;
            platformOrderId: string;
            productId: string | null;
            buyerId: string | null;
            amountFen: number;
            orderedAt: string | null;
            shippedAt: string | null;
            deliveredAt: string | null;
            /** @description ISO 8601 UTC time */
            createdAt: string;
        };
        Buyer: {
            /** @description Pseudonymous: the platform account id is never stored */
            id: string;
            hasContact: boolean;
            /** @description ISO 8601 UTC time */
            createdAt: string;
        };
        BuyerContact: {
            name?: string;
            phone?: string;
            address?: string;
        };
        Finding: {
            /** @description Stable dotted code, e.g. reference.derived_from_listing (docs/findings.md) */
            code: string;
            /** @enum {string} */
            severity: "info" | "warn" | "high";
            score: number;
            title: components["schemas"]["Bilingual"];
            detail: components["schemas"]["Bilingual"];
            /** @description In the photo's own pixel coordinates */
            regions?: {
                x: number;
                y: number;
                w: number;
                h: number;
            }[];
            ref?: {
                file: string;
                distance: number;
            };
            /** @description The raw facts the finding rests on */
            facts?: unknown;
        };
        PhotoReport: {
            file: string;
            sha256: string;
            width: number;
            height: number;
            format: string;
            /** @enum {string} */
            verdict: "clean" | "suspicious" | "forged" | "error";
            /** @description 0..1 */
            score: number;
            findings: components["schemas"]["Finding"][];
            /** @description Raw facts gathered while checking (metadata, provenance) */
            facts: unknown;
        };
        Evidence: {
            id: string;
            claimId: string;
            /** @enum {string} */
            submittedBy: "buyer" | "merchant";
            filename: string;
            sha256: string;
            bytes: number;
            /** @enum {string} */
            status: "pending" | "analysed" | "failed";
            verdict: ("clean" | "suspicious" | "forged" | "error") | null;
            score: number | null;
            pdqHash: string | null;
            report: components["schemas"]["PhotoReport"] | null;
            /** @description ISO 8601 UTC time */
            createdAt: string;
            analysedAt: string | null;
        };
        Claim: {
            id: string;
            orderId: string;
            buyerId: string | null;
            /** @enum {string} */
            type: "refund_only" | "return_refund" | "exchange" | "repair";
            /** @enum {string} */
            status: "submitted" | "analysing" | "awaiting_merchant" | "in_review" | "approved" | "partially_approved" | "rejected" | "appealed" | "final" | "withdrawn";
            reason: string;
            amountFen: number;
            riskScore: number | null;
            flagged: boolean;
            policyReasons: {
                code: string;
                text: components["schemas"]["Bilingual"];
                /** @description The buyer’s credit score, on buyer_low_credit */
                score?: number;
            }[];
            merchantDeadlineAt: string | null;
            merchantStatement: string | null;
            decision: {
                /** @enum {string} */
                outcome: "approved" | "partially_approved" | "rejected";
                reasonCode: string;
                note: string | null;
                approvedAmountFen: number | null;
                decidedBy: string | null;
                decidedAt: string | null;
            } | null;
            appealCount: number;
            appealReason: string | null;
            /** @description ISO 8601 UTC time */
            createdAt: string;
            /** @description ISO 8601 UTC time */
            updatedAt: string;
        };
        BuyerClaim: {
            id: string;
            /** @enum {string} */
            type: "refund_only" | "return_refund" | "exchange" | "repair";
            /** @enum {string} */
            status: "submitted" | "analysing" | "awaiting_merchant" | "in_review" | "approved" | "partially_approved" | "rejected" | "appealed" | "final" | "withdrawn";
            reason: string;
            amountFen: number;
            decision: {
                /** @enum {string} */
                outcome: "approved" | "partially_approved" | "rejected";
                approvedAmountFen: number | null;
                decidedAt: string | null;
            } | null;
            appealCount: number;
            /** @description ISO 8601 UTC time */
            createdAt: string;
            /** @description ISO 8601 UTC time */
            updatedAt: string;
            evidence: {
                id: string;
                filename: string;
                /** @enum {string} */
                submittedBy: "buyer" | "merchant";
                /** @description ISO 8601 UTC time */
                createdAt: string;
            }[];
        };
        ComplaintTimer: {
            /** @enum {string} */
            kind: "acknowledge" | "resolve";
            /** @description ISO 8601 UTC time */
            startedAt: string;
            /** @description ISO 8601 UTC time */
            dueAt: string;
            /** @description Working minutes; negative when overdue */
            remainingMinutes: number;
            /** @description ISO 8601 UTC time */
            breachedAt?: string;
            /** @description ISO 8601 UTC time */
            stoppedAt?: string;
            met?: boolean;
            /** @enum {string} */
            state: "running" | "met" | "breached" | "stopped";
            escalationLevel: ("outlet" | "region" | "brand") | null;
        };
        Complaint: {
            id: string;
            number: string;
            /** @enum {string} */
            subjectType: "repair_order" | "technician" | "outlet" | "claim";
            subjectId: string;
            repairOrderId: string | null;
            outletId: string | null;
            technicianId: string | null;
            /** @description The outlet’s province: the region level of the ladder */
            regionCode: string | null;
            /** @enum {string} */
            channel: "status_page" | "hotline" | "merchant";
            description: string;
            contactMasked: string | null;
            /** @enum {string} */
            status: "open" | "acknowledged" | "in_progress" | "resolved" | "confirmed" | "reopened" | "closed";
            resolution: string | null;
            upheld: boolean | null;
            reopenCount: number;
            slaBreached: boolean;
            escalationLevel: string | null;
            /** @description ISO 8601 UTC time */
            cycleStartedAt: string;
            acknowledgedAt: string | null;
            resolvedAt: string | null;
            /** @description ISO 8601 UTC time */
            createdAt: string;
            /** @description ISO 8601 UTC time */
            updatedAt: string;
            timers: components["schemas"]["ComplaintTimer"][];
        };
        ComplaintDetail: {
            id: string;
            number: string;
            /** @enum {string} */
            subjectType: "repair_order" | "technician" | "outlet" | "claim";
            subjectId: string;
            repairOrderId: string | null;
            outletId: string | null;
            technicianId: string | null;
            /** @description The outlet’s province: the region level of the ladder */
            regionCode: string | null;
            /** @enum {string} */
            channel: "status_page" | "hotline" | "merchant";
            description: string;
            contactMasked: string | null;
            /** @enum {string} */
            status: "open" | "acknowledged" | "in_progress" | "resolved" | "confirmed" | "reopened" | "closed";
            resolution: string | null;
            upheld: boolean | null;
            reopenCount: number;
            slaBreached: boolean;
            escalationLevel: string | null;
            /** @description ISO 8601 UTC time */
            cycleStartedAt: string;
            acknowledgedAt: string | null;
            resolvedAt: string | null;
            /** @description ISO 8601 UTC time */
            createdAt: string;
            /** @description ISO 8601 UTC time */
            updatedAt: string;
            timers: components["schemas"]["ComplaintTimer"][];
            filedBy: string;
            allowedEvents: ("acknowledge" | "start" | "resolve" | "confirm" | "reopen" | "close")[];
            events: {
                id: string;
                /** @description ISO 8601 UTC time */
                at: string;
                actor: string;
                event: string;
                fromStatus: string | null;
                toStatus: string;
                data: {
                    [key: string]: unknown;
                };
            }[];
            contacts: {
                id: string;
                /** @description ISO 8601 UTC time */
                at: string;
                actor: string;
                kind: string;
                direction: string;
                notes: string;
            }[];
            escalations: {
                id: string;
                timerKind: string;
                level: string;
                recipientRole: string;
                recipientUserId: string | null;
                regionCode: string | null;
                message: components["schemas"]["Bilingual"];
                /** @description ISO 8601 UTC time */
                dueAt: string;
                /** @description ISO 8601 UTC time */
                createdAt: string;
            }[];
        };
        CustomerComplaint: {
            id: string;
            number: string;
            /** @enum {string} */
            subjectType: "repair_order" | "technician" | "outlet" | "claim";
            description: string;
            /** @enum {string} */
            status: "open" | "acknowledged" | "in_progress" | "resolved" | "confirmed" | "reopened" | "closed";
            statusLabel: components["schemas"]["Bilingual"];
            resolution: string | null;
            acknowledgedAt: string | null;
            resolvedAt: string | null;
            canConfirm: boolean;
            canReopen: boolean;
            timeline: {
                status: string;
                /** @description ISO 8601 UTC time */
                at: string;
            }[];
            /** @description ISO 8601 UTC time */
            createdAt: string;
        };
        ComplaintRateReport: {
            window: {
                /** @description ISO 8601 UTC time */
                from: string;
                /** @description ISO 8601 UTC time */
                to: string;
            };
            smoothing: {
                priorRate: number;
                priorWeight: number;
            };
            outlets: {
                id: string;
                name: string | null;
                orders: number;
                complaints: number;
                rawRate: number | null;
                /** @description Smoothed: (complaints + priorRate × priorWeight) / (orders + priorWeight) */
                rate: number | null;
            }[];
            technicians: {
                id: string;
                name: string | null;
                orders: number;
                complaints: number;
                rawRate: number | null;
                /** @description Smoothed: (complaints + priorRate × priorWeight) / (orders + priorWeight) */
                rate: number | null;
            }[];
        };
        /** Format: binary */
        EvidencePackageBytes: string;
        PackageSigningKey: {
            /** @constant */
            algorithm: "Ed25519";
            /** @description Raw 32-byte Ed25519 public key, base64url */
            publicKey: string;
            /** @description The same key as an SPKI PEM (for openssl pkeyutl -verify) */
            publicKeyPem: string;
            /** @description First 32 hex digits of SHA-256 of the raw key, in groups of 4 */
            fingerprint: string;
            createdAt: string;
        };
        FeedHead: {
            seq: number;
            hash: string;
        };
        FeedEntry: {
            seq: number;
            id: string;
            /** @enum {string} */
            type: "fraud_signal" | "retraction";
            /** @description ISO 8601 UTC time */
            at: string;
            /** @description fraud_signal: the signal; retraction: which signal it withdraws, and why */
            body: {
                signalId: string;
                pdqHashes: string[];
                /** @description HMAC of (platform, account id) under the network key, or null */
                buyer: string | null;
                amountFen: number;
                /** @description ISO 8601 UTC time */
                confirmedAt: string;
                reasonCode: string;
            } | {
                signalId: string;
                reason: string;
            };
            prevHash: string;
            /** @description SHA-256 of "proofdesk-feed/1\n" + canonical JSON of { feedId, seq, id, type, at, body, prevHash } */
            hash: string;
            /** @description Ed25519 over the same bytes, base64url */
            signature: string;
        };
        FeedSettings: {
            publishing: boolean;
            feedId: string | null;
            /** @description What subscribers pull: /api/v1/feeds/<feedId> */
            feedPath: string | null;
            /** @description Raw Ed25519 public key, base64url: give it to subscribers out of band */
            publicKey: string | null;
            fingerprint: string | null;
            head: components["schemas"]["FeedHead"];
            networkKey: {
                set: boolean;
                fingerprint: string | null;
            };
        };
        FeedSubscription: {
            id: string;
            name: string;
            url: string;
            publicKey: string;
            fingerprint: string;
            /** @enum {string} */
            status: "active" | "rejected" | "unreachable";
            lastSeq: number;
            lastPulledAt: string | null;
            nextPullAt: string | null;
            lastError: {
                code: string;
                text: components["schemas"]["Bilingual"];
                /** @description ISO 8601 UTC time */
                at: string;
            } | null;
            signals: number;
            retracted: number;
            /** @description ISO 8601 UTC time */
            createdAt: string;
        };
        Notification: {
            /** @description Also the delivery id receivers de-duplicate on */
            id: string;
            topic: string;
            /** @enum {string} */
            channel: "console" | "email" | "webhook" | "sms";
            /** @description `user:<id>`, `webhook:<endpoint id>` or `email:(customer)` (the address is sealed) */
            recipient: string;
            subject: {
                type: string;
                id: string;
            } | null;
            title: components["schemas"]["Bilingual"];
            body: components["schemas"]["Bilingual"];
            link: string | null;
            /** @enum {string} */
            status: "pending" | "sending" | "sent" | "failed" | "dead";
            attempts: number;
            nextAttemptAt: string | null;
            lastError: string | null;
            /** @description ISO 8601 UTC time */
            createdAt: string;
            sentAt: string | null;
            readAt: string | null;
        };
        NotificationEmailSettings: {
            smtpHost: string | null;
            smtpPort: number | null;
            smtpSecure: boolean;
            smtpUser: string | null;
            /** @description The password itself is sealed and never returned */
            passwordSet: boolean;
            mailFrom: string | null;
            updatedAt: string | null;
        };
        NotificationWebhook: {
            id: string;
            name: string;
            url: string;
            topics: string[];
            enabled: boolean;
            /** @description ISO 8601 UTC time */
            createdAt: string;
            /** @description ISO 8601 UTC time */
            updatedAt: string;
        };
        OfficialChannel: {
            id: string;
            /** @enum {string} */
            kind: "hotline" | "website";
            /** @description Canonical: phone digits or ASCII host */
            value: string;
            display: string;
            label: string;
            /** @description Division a hotline serves; null = nationwide */
            areaCode: string | null;
            areaName: string | null;
            active: boolean;
            version: number;
            /** @description ISO 8601 UTC time */
            createdAt: string;
            /** @description ISO 8601 UTC time */
            updatedAt: string;
        };
        VerifyQuerySummary: {
            /** @description ISO 8601 UTC time */
            since: string;
            total: number;
            byVerdict: {
                [key: string]: number;
            };
            byInputKind: {
                [key: string]: number;
            };
            notOfficialNumbers: {
                number: string;
                count: number;
            }[];
            notOfficialSites: {
                host: string;
                lookalikeOf: string | null;
                count: number;
            }[];
        };
        TechnicianCode: {
            code: string;
            /** @description XXXX-XXXX-XXXX, printed under the QR */
            display: string;
            /** @description The public verification page with the code, for the QR: /verify/<slug>?t=<code> */
            path: string;
            /** @description ISO 8601 UTC time */
            expiresAt: string;
            technicianName: string;
        };
        OfficialChannelsView: {
            hotlines: {
                display: string;
                label: string;
                areaName: string | null;
            }[];
            websites: {
                domain: string;
                label: string;
            }[];
            outlets: {
                name: string;
                address: string;
                areaName: string | null;
                phones: string[];
            }[];
        };
        VerifyAnswer: {
            brand: string;
            input: {
                /** @enum {string} */
                kind: "phone" | "website" | "technician_code" | "outlet_name" | "unreadable";
                display: string | null;
            };
            /** @enum {string} */
            verdict: "official" | "not_official" | "unknown";
            text: components["schemas"]["Bilingual"];
            match: {
                /** @enum {string} */
                kind: "hotline" | "website" | "outlet" | "outlet_phone" | "technician";
                label: string;
                outletName: string | null;
                validUntil: string | null;
                orderAreaName: string | null;
            } | null;
            lookalike: {
                officialDomain: string;
                /** @enum {string} */
                reason: "homoglyph" | "typo" | "brand_in_other_domain" | "other_suffix";
            } | null;
            district: {
                code: string;
                fullName: string;
            } | null;
            /** @description When the district in words named several places: pick one and send its areaCode */
            areaCandidates: {
                code: string;
                fullName: string;
            }[];
            /** @description Why the district in words gave no district */
            areaNote: components["schemas"]["Bilingual"] | null;
            channels: components["schemas"]["OfficialChannelsView"];
        };
        PlanTerms: {
            /** @enum {string} */
            kind: "extended_warranty" | "accidental_damage" | "after_sales_insurance";
            priceFen: number;
            termMonths: number;
            waitingDays: number;
            coverage: {
                faultCategories: ("fingerprint_not_recognised" | "motor_jammed" | "battery_drained" | "forgotten_password" | "door_wont_lock" | "other")[];
                labour: boolean;
                parts: boolean;
                callOut: boolean;
                accidentalDamage: boolean;
            };
            maxClaims: number | null;
            maxAmountFen: number | null;
            productLines: string[];
        };
        CarePlan: {
            id: string;
            code: string;
            name: components["schemas"]["Bilingual"];
            terms: components["schemas"]["PlanTerms"];
            active: boolean;
            version: number;
            /** @description ISO 8601 UTC time */
            createdAt: string;
            /** @description ISO 8601 UTC time */
            updatedAt: string;
        };
        SerialPlan: {
            id: string;
            planId: string;
            name: components["schemas"]["Bilingual"];
            /** @enum {string} */
            kind: "extended_warranty" | "accidental_damage" | "after_sales_insurance";
            terms: components["schemas"]["PlanTerms"];
            priceFen: number;
            /** @enum {string} */
            status: "sold" | "active" | "cancelled";
            /** @description ISO 8601 UTC time */
            soldAt: string;
            soldBy: string;
            activatedOn: string | null;
            startsOn: string | null;
            claimableFrom: string | null;
            endsOn: string | null;
            cancelledAt: string | null;
            cancelReason: string | null;
            refundFen: number;
            claimsCount: number;
            claimsFen: number;
            version: number;
        };
        SerialRecord: {
            serial: string;
            productLine: string;
            model: string | null;
            purchasedOn: string | null;
            warrantyMonths: number | null;
            warranty: {
                /** @enum {string} */
                status: "in_warranty" | "expired" | "unknown";
                coveredThrough: string | null;
                label: components["schemas"]["Bilingual"];
            };
            plans: components["schemas"]["SerialPlan"][];
        };
        CoverageDecision: {
            /** @enum {string} */
            basis: "intake" | "completion";
            accidentalDamage: boolean;
            warranty: {
                /** @enum {string} */
                status: "in_warranty" | "expired" | "unknown";
                coveredThrough: string | null;
            };
            lines: {
                /** @enum {string} */
                kind: "call_out" | "labour" | "parts" | "part";
                label: components["schemas"]["Bilingual"];
                amountFen: number | null;
                coveredFen: number | null;
                customerPaysFen: number | null;
                /** @enum {string} */
                payer: "customer" | "first_inspection" | "standard_warranty" | "plan";
                /** @description The plan sale that pays the line */
                planId: string | null;
                reason: components["schemas"]["Bilingual"];
            }[];
            customerPaysFen: number;
            /** @description A line the customer pays has no amount yet (quoted on site) */
            customerPaysMore: boolean;
            coveredFen: number;
            planClaims: {
                planId: string;
                amountFen: number;
            }[];
            planNotes: {
                planId: string;
                applies: boolean;
                reason: components["schemas"]["Bilingual"];
            }[];
            summary: components["schemas"]["Bilingual"];
        };
        OrderCoverage: {
            orderId: string;
            intake: components["schemas"]["CoverageDecision"];
            completion: components["schemas"]["CoverageDecision"] | null;
            customerPaysFen: number;
            settledAt: string | null;
            claims: {
                salePlanId: string;
                planId: string;
                amountFen: number;
            }[];
        };
        PlanReport: {
            from: string | null;
            to: string | null;
            plans: {
                planId: string;
                code: string;
                name: components["schemas"]["Bilingual"];
                sold: number;
                cancelled: number;
                revenueFen: number;
                refundsFen: number;
                netRevenueFen: number;
                claims: number;
                claimsFen: number;
                /** @description claimsFen / netRevenueFen */
                lossRatio: number | null;
            }[];
            totals: {
                sold: number;
                cancelled: number;
                revenueFen: number;
                refundsFen: number;
                netRevenueFen: number;
                claims: number;
                claimsFen: number;
                /** @description claimsFen / netRevenueFen */
                lossRatio: number | null;
            };
        };
        RepairOrder: {
            id: string;
            /** @description People’s reference, e.g. RO-261122-4K7Q2M */
            number: string;
            /** @enum {string} */
            channel: "phone" | "web" | "counter";
            customerId: string;
            /** @description 张* — the full name only on an audited reveal */
            customerNameMasked: string;
            /** @description 138****5678 */
            customerPhoneMasked: string;
            areaCode: string;
            areaName: string;
            productLine: string;
            serial: string | null;
            /**
             * @description At intake
             * @enum {string}
             */
            warrantyStatus: "in_warranty" | "expired" | "unknown";
            freeInspection: boolean;
            /** @enum {string} */
            faultCategory: "fingerprint_not_recognised" | "motor_jammed" | "battery_drained" | "forgotten_password" | "door_wont_lock" | "other";
            description: string;
            preferredDate: string;
            /** @enum {string} */
            preferredSlot: "morning" | "afternoon" | "evening";
            /** @enum {string} */
            status: "reported" | "assigned" | "accepted" | "on_the_way" | "on_site" | "completed" | "needs_parts" | "rescheduled" | "closed" | "cancelled";
            outletId: string | null;
            technicianId: string | null;
            bookedDate: string | null;
            bookedSlot: ("morning" | "afternoon" | "evening") | null;
            slaBreached: boolean;
            version: number;
            /** @description ISO 8601 UTC time */
            createdAt: string;
            /** @description ISO 8601 UTC time */
            updatedAt: string;
        };
        RepairOrderEvent: {
            id: string;
            /** @description ISO 8601 UTC time */
            at: string;
            actor: string;
            /** @description A status event, or intake / visit_recorded */
            event: string;
            fromStatus: string | null;
            toStatus: string;
            /** @description The dispatch decision, a reason, the new slot… */
            explanation: unknown;
        };
        SlaTimer: {
            /** @enum {string} */
            kind: "response" | "arrival" | "resolution";
            /** @description ISO 8601 UTC time */
            startedAt: string;
            dueAt: string | null;
            /** @description Business minutes; negative when overdue */
            remainingMinutes: number;
            paused: boolean;
            /** @description ISO 8601 UTC time */
            breachedAt?: string;
            /** @description ISO 8601 UTC time */
            stoppedAt?: string;
            met?: boolean;
            /** @enum {string} */
            state: "running" | "paused" | "met" | "breached" | "stopped";
            escalationLevel: ("dispatcher" | "outlet_manager" | "brand") | null;
        };
        RepairVisit: {
            technicianId: string | null;
            checkedInAt: string | null;
            checkedOutAt: string | null;
            notes: string | null;
            parts: {
                name: string;
                quantity: number;
                priceFen: number;
            }[];
            feeFen: number;
            confirmedAt: string | null;
            rating: number | null;
            ratingComment: string | null;
            /** @description ISO 8601 UTC time */
            updatedAt: string;
        };
        VisitMedia: {
            id: string;
            /** @enum {string} */
            kind: "photo" | "audio";
            mime: string;
            sha256: string;
            bytes: number;
            filename: string;
            createdBy: string;
            /** @description ISO 8601 UTC time */
            createdAt: string;
        };
        RepairOrderDetail: {
            id: string;
            /** @description People’s reference, e.g. RO-261122-4K7Q2M */
            number: string;
            /** @enum {string} */
            channel: "phone" | "web" | "counter";
            customerId: string;
            /** @description 张* — the full name only on an audited reveal */
            customerNameMasked: string;
            /** @description 138****5678 */
            customerPhoneMasked: string;
            areaCode: string;
            areaName: string;
            productLine: string;
            serial: string | null;
            /**
             * @description At intake
             * @enum {string}
             */
            warrantyStatus: "in_warranty" | "expired" | "unknown";
            freeInspection: boolean;
            /** @enum {string} */
            faultCategory: "fingerprint_not_recognised" | "motor_jammed" | "battery_drained" | "forgotten_password" | "door_wont_lock" | "other";
            description: string;
            preferredDate: string;
            /** @enum {string} */
            preferredSlot: "morning" | "afternoon" | "evening";
            /** @enum {string} */
            status: "reported" | "assigned" | "accepted" | "on_the_way" | "on_site" | "completed" | "needs_parts" | "rescheduled" | "closed" | "cancelled";
            outletId: string | null;
            technicianId: string | null;
            bookedDate: string | null;
            bookedSlot: ("morning" | "afternoon" | "evening") | null;
            slaBreached: boolean;
            version: number;
            /** @description ISO 8601 UTC time */
            createdAt: string;
            /** @description ISO 8601 UTC time */
            updatedAt: string;
            history: components["schemas"]["RepairOrderEvent"][];
            slaTimers: components["schemas"]["SlaTimer"][];
            visit: components["schemas"]["RepairVisit"] | null;
            media: components["schemas"]["VisitMedia"][];
        };
        RepairContact: {
            name: string;
            phone: string;
            address: string;
        };
        DispatchDecision: {
            /** @description YYYY-MM-DD, Asia/Shanghai */
            date: string;
            /** @enum {string} */
            slot: "morning" | "afternoon" | "evening";
            chosen: {
                rank: number;
                technicianId: string;
                technicianName: string | null;
                outletId: string;
                outletName: string | null;
                load: number;
                capacity: number;
                /** @description Steps between the outlet and the customer in the division tree */
                distance: number;
                rating: number | null;
                complaintRate: number | null;
                explanation: components["schemas"]["Bilingual"];
            } | null;
            candidates: {
                rank: number;
                technicianId: string;
                technicianName: string | null;
                outletId: string;
                outletName: string | null;
                load: number;
                capacity: number;
                /** @description Steps between the outlet and the customer in the division tree */
                distance: number;
                rating: number | null;
                complaintRate: number | null;
                explanation: components["schemas"]["Bilingual"];
            }[];
            eligible: number;
            /** @description Technicians left out, by reason */
            rejected: {
                [key: string]: number;
            };
            summary: components["schemas"]["Bilingual"];
        };
        Availability: {
            days: {
                /** @description YYYY-MM-DD, Asia/Shanghai */
                date: string;
                /** @enum {string} */
                dayKind: "workday" | "weekend" | "holiday" | "makeup_workday";
                holiday: components["schemas"]["Bilingual"] | null;
                slots: {
                    /** @enum {string} */
                    slot: "morning" | "afternoon" | "evening";
                    free: number;
                    technicians: number;
                }[];
            }[];
        };
        SlaEscalation: {
            id: string;
            orderId: string;
            timerKind: string;
            level: string;
            recipientRole: string;
            recipientUserId: string | null;
            message: components["schemas"]["Bilingual"];
            /** @description ISO 8601 UTC time */
            dueAt: string;
            /** @description ISO 8601 UTC time */
            createdAt: string;
            ackedAt: string | null;
            ackedBy: string | null;
        };
        CustomerRepairOrder: {
            number: string;
            /** @enum {string} */
            status: "reported" | "assigned" | "accepted" | "on_the_way" | "on_site" | "completed" | "needs_parts" | "rescheduled" | "closed" | "cancelled";
            statusLabel: components["schemas"]["Bilingual"];
            areaName: string;
            productLine: string;
            faultCategory: string;
            warrantyStatus: string;
            freeInspection: boolean;
            preferredDate: string;
            preferredSlot: string;
            bookedDate: string | null;
            bookedSlot: string | null;
            /** @description Masked: 王** */
            technicianName: string | null;
            timeline: {
                status: string;
                /** @description ISO 8601 UTC time */
                at: string;
            }[];
            visit: {
                checkedInAt: string | null;
                checkedOutAt: string | null;
                feeFen: number;
                partsFen: number;
            } | null;
            confirmedAt: string | null;
            rating: number | null;
            canConfirm: boolean;
            canCancel: boolean;
            /** @description ISO 8601 UTC time */
            createdAt: string;
        };
        LegalThresholds: {
            /** @description Lower end of the administrative range (default 1) */
            administrativeMinFen: number;
            /** @description "数额较大": the province’s figure within ¥3,000–10,000 (default 300000) */
            criminalMinFen: number;
            /** @description "数额巨大" (default 3000000) */
            largeMinFen: number;
            /** @description "数额特别巨大" (default 50000000) */
            hugeMinFen: number;
        };
        TrustSettings: {
            shareSignals: boolean;
            thresholds: components["schemas"]["LegalThresholds"];
            updatedBy: string | null;
            updatedAt: string | null;
        };
        LegalRule: {
            text: components["schemas"]["Bilingual"];
            source: components["schemas"]["Bilingual"];
        };
        LegalFlag: {
            /** @enum {string} */
            code: "administrative" | "criminal_large" | "criminal_huge" | "criminal_especially_huge";
            /** @description Amount in fen (1/100 yuan) */
            amountFen: number;
            /** @description Amount in fen (1/100 yuan) */
            thresholdFen: number;
            /** @description What the flag suggests; never an accusation */
            text: components["schemas"]["Bilingual"];
            rules: components["schemas"]["LegalRule"][];
        };
        BuyerRecord: {
            claimsFiled: number;
            approved: number;
            rejectedFraud: number;
            rejectedOther: number;
            withdrawn: number;
            /** @description Amount in fen (1/100 yuan) */
            amountClaimedFen: number;
            /** @description Amount in fen (1/100 yuan) */
            amountApprovedFen: number;
            /** @description Amount in fen (1/100 yuan) */
            fraudAmountFen: number;
            fakePhotos: number;
            updatedAt: string | null;
        };
        CreditFactor: {
            /** @enum {string} */
            code: "base" | "approved_claims" | "confirmed_fraud" | "fake_photos" | "rejected_other" | "withdrawn" | "many_claims" | "shared_fraud" | "shared_rejected" | "shared_approved" | "feed_signals";
            points: number;
            text: components["schemas"]["Bilingual"];
        };
        BuyerCredit: {
            buyerId: string;
            score: number;
            /** @enum {string} */
            band: "good" | "fair" | "watch" | "high_risk";
            factors: components["schemas"]["CreditFactor"][];
            record: components["schemas"]["BuyerRecord"];
            /** @description Other opted-in shops’ counts; null while this workspace does not share */
            shared: {
                shops: number;
                claimsFiled: number;
                approved: number;
                rejectedFraud: number;
                rejectedOther: number;
                lowestScore: number | null;
            } | null;
            feed: {
                signals: number;
                /** @description Amount in fen (1/100 yuan) */
                amountFen: number;
            };
            legal: {
                /** @description Amount in fen (1/100 yuan) */
                fraudAmountFen: number;
                flags: components["schemas"]["LegalFlag"][];
            };
        };
        FlaggedBuyer: {
            buyerId: string;
            /** @description Amount in fen (1/100 yuan) */
            fraudAmountFen: number;
            rejectedFraud: number;
            claimsFiled: number;
            fakePhotos: number;
            /** @description ISO 8601 UTC time */
            updatedAt: string;
            flags: components["schemas"]["LegalFlag"][];
        };
        WorkspacePolicy: {
            autoApproveEnabled: boolean;
            autoApproveMaxAmountFen: number;
            autoApproveMaxPriorClaims: number;
            autoApproveBlockIfPriorRejection: boolean;
            autoApproveMinCreditScore: number;
            merchantResponseHours: number;
            /** @enum {string} */
            onMerchantTimeout: "approve_if_clean" | "review";
            appealWindowDays: number;
        };
        Workspace: {
            id: string;
            slug: string;
            name: string;
            policy: components["schemas"]["WorkspacePolicy"];
            /** @description ISO 8601 UTC time */
            createdAt: string;
        };
        AuditEvent: {
            id: string;
            seq: number;
            /** @description ISO 8601 UTC time */
            at: string;
            /** @description user:<id>, apikey:<id>, buyer:<claim id> or system:<component> */
            actor: string;
            action: string;
            subjectType: string;
            subjectId: string;
            data: unknown;
            hash: string;
        };
        AuditChainVerification: {
            ok: boolean;
            checked: number;
            firstBreak?: {
                /** @description null when the break is a missing tail row */
                id: string | null;
                seq: number;
                /** @enum {string} */
                reason: "sequence_gap" | "prev_hash_mismatch" | "hash_mismatch" | "head_mismatch";
                text: components["schemas"]["Bilingual"];
            };
        };
        DeadJob: {
            id: string;
            kind: string;
            attempts: number;
            maxAttempts: number;
            lastError: string | null;
            /** @description ISO 8601 UTC time */
            createdAt: string;
            /** @description ISO 8601 UTC time */
            updatedAt: string;
        };
        HtmlReport: string;
        ComplaintContact: {
            name: string;
            phone: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
