// Generated from the server's OpenAPI document by scripts/openapi-types.ts: do not edit.
// Regenerate with `npx tsx scripts/openapi-types.ts` after changing a route's schema.
export interface paths {
  '/api/admin/retention': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the next retention run erases, per record type, and when more falls due */
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
            'application/json': components['schemas']['RetentionPreview'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/ads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Ads with filters, newest first (keyset pages) */
    get: {
      parameters: {
        query?: {
          city?: string;
          cursor?: string;
          from?: string;
          language?: string;
          limit?: number;
          q?: string;
          source?: string;
          status?: 'active' | 'gone';
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
            'application/json': {
              items: {
                city: string | null;
                displayName: string | null;
                externalId: string;
                firstSeenAt: string;
                goneAt: string | null;
                id: string;
                language: string | null;
                lastSeenAt: string;
                snippet: string;
                source: string;
                /** @enum {string} */
                status: 'active' | 'gone';
                title: string | null;
                url: string;
                version: number;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/ads/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One ad with its versions and captures (audited) */
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
            'application/json': {
              captures: {
                fetchedAt: string;
                id: string;
                kind: string;
                payloadSha256: string;
                status: number;
                url: string;
              }[];
              externalId: string;
              firstSeenAt: string;
              goneAt: string | null;
              id: string;
              lastSeenAt: string;
              source: string;
              /** @enum {string} */
              status: 'active' | 'gone';
              url: string;
              version: number;
              versions: {
                ageRaw: string | null;
                body: string;
                captureId: string | null;
                changedFields: string[];
                city: string | null;
                displayName: string | null;
                images: {
                  phash: string;
                  sha256: string;
                }[];
                language: string | null;
                parseErrors: string[];
                phoneRaw: string | null;
                postedAt: string | null;
                postedRaw: string | null;
                priceRaw: string | null;
                seenAt: string;
                title: string | null;
                version: number;
                versionId: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/ads/{id}/extraction': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Facts found in an ad version (current unless ?version=N), identifiers masked */
    get: {
      parameters: {
        query?: {
          version?: number;
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
            'application/json': {
              adVersionId: string;
              boilerplate: components['schemas']['BoilerplateSpan'][];
              extractedAt: string | null;
              facts: components['schemas']['Fact'][];
              language: string | null;
              pending: boolean;
              ruleSetVersion: string | null;
              suppressed: {
                by: string;
                fact: components['schemas']['Fact'];
                reason: string;
              }[];
              truncated: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/ads/{id}/warc': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download the ad's captures as .warc.gz (audited) */
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
        /** @description The ad's captures, byte for byte (WARC, gzip per record) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/warc': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/audit/entries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Audit log entries, newest first, with filters and keyset paging (audited) */
    get: {
      parameters: {
        query?: {
          action?: string;
          before?: number;
          limit?: number;
          since?: string;
          targetId?: string;
          targetType?: string;
          until?: string;
          user?: string;
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
            'application/json': {
              actions?: string[];
              entries: {
                action: string;
                actorLabel: string;
                actorUserId: string | null;
                at: string;
                details: components['schemas']['AuditDetails'];
                ip: string | null;
                keyId: string | null;
                requestId: string | null;
                seq: number;
                targetId: string | null;
                targetType: string | null;
              }[];
              nextBefore: number | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/audit/views/{kind}/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who viewed an ad, an entity or a conversation: the reads of it, newest first (audited) */
    get: {
      parameters: {
        query?: {
          before?: number;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
          kind: 'ad' | 'entity' | 'conversation';
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
            'application/json': {
              nextBefore: number | null;
              views: {
                action: string;
                actorLabel: string;
                actorUserId: string | null;
                at: string;
                seq: number;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** First factor: e-mail and password */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
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
            'application/json': {
              csrfToken: string;
              /** @enum {string} */
              stage: 'totp' | 'enroll';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change your password */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            currentPassword: string;
            newPassword: string;
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
            'application/json': {
              user: {
                displayName: string;
                email: string;
                id: string;
                language: components['schemas']['Language'];
                mustChangePassword: boolean;
                partnerOrgId: string | null;
                role: components['schemas']['Role'];
                totpEnrolled: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/auth/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Current sign-in state, the CSRF token to send with changes, and (signed in) what the user may do */
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
            'application/json': {
              capabilities: components['schemas']['Capabilities'] | null;
              csrfToken: string;
              /** @enum {string} */
              stage: 'none' | 'totp' | 'enroll' | 'full';
              user: {
                displayName: string;
                email: string;
                id: string;
                language: components['schemas']['Language'];
                mustChangePassword: boolean;
                partnerOrgId: string | null;
                role: components['schemas']['Role'];
                totpEnrolled: boolean;
              } | null;
            };
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
  '/api/auth/totp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Second factor: a TOTP code or a recovery code */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code?: string;
            recoveryCode?: string;
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
            'application/json': {
              csrfToken: string;
              user: {
                displayName: string;
                email: string;
                id: string;
                language: components['schemas']['Language'];
                mustChangePassword: boolean;
                partnerOrgId: string | null;
                role: components['schemas']['Role'];
                totpEnrolled: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/auth/totp/enroll/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm enrolment with a first code; returns recovery codes once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
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
            'application/json': {
              csrfToken: string;
              recoveryCodes: string[];
              user: {
                displayName: string;
                email: string;
                id: string;
                language: components['schemas']['Language'];
                mustChangePassword: boolean;
                partnerOrgId: string | null;
                role: components['schemas']['Role'];
                totpEnrolled: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/auth/totp/enroll/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Begin enrolling an authenticator app (first sign-in) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              otpauthUrl: string;
              qrSvg: string;
              secret: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cases the reader may see, most recently changed first */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          mine?: 'true' | 'false';
          minor?: 'true' | 'false';
          status?: components['schemas']['CaseStatusInput'];
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
            'application/json': {
              items: {
                alias: string;
                createdAt: string;
                id: string;
                minor: boolean;
                needs: components['schemas']['CaseNeed'][];
                outcome: components['schemas']['CaseOutcome'] | null;
                ownerId: string;
                placeName: string | null;
                pseudonym: string;
                status: components['schemas']['CaseStatus'];
                updatedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Opens a case, from a conversation (linking it and its entity) or by hand */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            age?: number | null;
            /** Format: uuid */
            conversationId?: string;
            exploitationTypes?: ('sexual' | 'labour' | 'criminality' | 'begging' | 'other')[];
            /** @enum {string|null} */
            gender?: 'female' | 'male' | 'trans' | 'non_binary' | 'unknown' | null;
            languages?: string[];
            minor?: boolean;
            nationality?: string | null;
            needs?: (
              | 'safety'
              | 'shelter'
              | 'housing'
              | 'medical'
              | 'sexual_health'
              | 'psychological'
              | 'legal'
              | 'financial_debt'
              | 'language'
              | 'residence_status'
              | 'return'
            )[];
            placeId?: string | null;
            placeName?: string | null;
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
            'application/json': {
              age: number | null;
              alias: string;
              assigneeIds: string[];
              closedAt: string | null;
              createdAt: string;
              exploitationTypes: ('sexual' | 'labour' | 'criminality' | 'begging' | 'other')[];
              gender: components['schemas']['Gender'] | null;
              id: string;
              languages: string[];
              minor: boolean;
              nationality: string | null;
              needs: components['schemas']['CaseNeed'][];
              /** @enum {string} */
              origin: 'conversation' | 'chat' | 'manual';
              outcome: components['schemas']['CaseOutcome'] | null;
              ownerId: string;
              placeId: string | null;
              placeName: string | null;
              pseudonym: string;
              status: components['schemas']['CaseStatus'];
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/cases/{caseId}/referrals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A case's referrals with each step and each opening by the partner */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          caseId: string;
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
            'application/json': {
              items: components['schemas']['WorkerReferral'][];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Sends a referral: only fields within the current consent (or the duty to protect a child); 403 names the fields outside it */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          caseId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            fields: components['schemas']['ShareableFieldInput'][];
            handoffNote?: string;
            /** Format: uuid */
            partnerId: string;
            protectionReason?: string;
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
            'application/json': {
              referral: components['schemas']['WorkerReferral'];
              secureLink: components['schemas']['IssuedSecureLink'] | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/cases/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One case with its consents, risk, tasks, alerts and links (audited) */
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
            'application/json': {
              actions: components['schemas']['CaseAction'][];
              alerts: {
                acknowledgedAt: string | null;
                acknowledgedBy: string | null;
                caseId: string;
                id: string;
                /** @enum {string} */
                kind: 'minor' | 'keep_data_ended';
                raisedAt: string;
                raisedBy: string | null;
              }[];
              case: {
                age: number | null;
                alias: string;
                assigneeIds: string[];
                closedAt: string | null;
                createdAt: string;
                exploitationTypes: ('sexual' | 'labour' | 'criminality' | 'begging' | 'other')[];
                gender: components['schemas']['Gender'] | null;
                id: string;
                languages: string[];
                minor: boolean;
                nationality: string | null;
                needs: components['schemas']['CaseNeed'][];
                /** @enum {string} */
                origin: 'conversation' | 'chat' | 'manual';
                outcome: components['schemas']['CaseOutcome'] | null;
                ownerId: string;
                placeId: string | null;
                placeName: string | null;
                pseudonym: string;
                status: components['schemas']['CaseStatus'];
                updatedAt: string;
              };
              consent: {
                mayContactAgain: boolean;
                mayKeepData: boolean;
                records: {
                  evidence: {
                    messageAt: string | null;
                    messageId: string | null;
                    messageText: string | null;
                    note: string | null;
                    source: components['schemas']['ConsentSource'];
                  };
                  expiresAt: string | null;
                  fields: components['schemas']['ShareableField'][];
                  givenAt: string;
                  id: string;
                  organisationId: string | null;
                  recordedAt: string;
                  recordedBy: string;
                  scope: components['schemas']['ConsentScope'];
                  /** @enum {string} */
                  state: 'current' | 'not_yet' | 'expired' | 'withdrawn' | 'declined';
                  withdrawal: {
                    messageAt: string | null;
                    messageId: string | null;
                    messageText: string | null;
                    note: string | null;
                    source: components['schemas']['ConsentSource'];
                  } | null;
                  withdrawnAt: string | null;
                  withdrawnBy: string | null;
                }[];
              };
              conversations: {
                conversationId: string;
                /** @enum {string} */
                kind: 'outreach' | 'inbound' | 'chat';
                lastMessageAt: string;
                linkedAt: string;
                /** @enum {string} */
                status: 'open' | 'waiting' | 'closed';
              }[];
              entities: {
                alias: string | null;
                entityId: string;
                linkedAt: string;
                /** @enum {boolean} */
                mayBeControllers: true;
              }[];
              nextStatuses: components['schemas']['CaseStatus'][];
              risk: {
                answers: {
                  [key: string]: components['schemas']['RiskAnswer'];
                };
                assessedAt: string;
                assessedBy: string;
                id: string;
                level: components['schemas']['RiskLevel'];
                note: string | null;
              }[];
              tasks: {
                assigneeId: string | null;
                createdAt: string;
                createdBy: string;
                doneAt: string | null;
                doneBy: string | null;
                due: boolean;
                dueAt: string | null;
                id: string;
                title: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Changes what is known: needs, minor, gender, age, languages, place */
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
          'application/json': {
            age?: number | null;
            exploitationTypes?: ('sexual' | 'labour' | 'criminality' | 'begging' | 'other')[];
            /** @enum {string|null} */
            gender?: 'female' | 'male' | 'trans' | 'non_binary' | 'unknown' | null;
            languages?: string[];
            minor?: boolean;
            nationality?: string | null;
            needs?: (
              | 'safety'
              | 'shelter'
              | 'housing'
              | 'medical'
              | 'sexual_health'
              | 'psychological'
              | 'legal'
              | 'financial_debt'
              | 'language'
              | 'residence_status'
              | 'return'
            )[];
            placeId?: string | null;
            placeName?: string | null;
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
            'application/json': {
              age: number | null;
              alias: string;
              assigneeIds: string[];
              closedAt: string | null;
              createdAt: string;
              exploitationTypes: ('sexual' | 'labour' | 'criminality' | 'begging' | 'other')[];
              gender: components['schemas']['Gender'] | null;
              id: string;
              languages: string[];
              minor: boolean;
              nationality: string | null;
              needs: components['schemas']['CaseNeed'][];
              /** @enum {string} */
              origin: 'conversation' | 'chat' | 'manual';
              outcome: components['schemas']['CaseOutcome'] | null;
              ownerId: string;
              placeId: string | null;
              placeName: string | null;
              pseudonym: string;
              status: components['schemas']['CaseStatus'];
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/cases/{id}/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sets the colleagues on the case, or hands it to another owner (a supervisor) */
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
          'application/json': {
            assigneeIds?: string[];
            /** Format: uuid */
            ownerId?: string;
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
            'application/json': {
              age: number | null;
              alias: string;
              assigneeIds: string[];
              closedAt: string | null;
              createdAt: string;
              exploitationTypes: ('sexual' | 'labour' | 'criminality' | 'begging' | 'other')[];
              gender: components['schemas']['Gender'] | null;
              id: string;
              languages: string[];
              minor: boolean;
              nationality: string | null;
              needs: components['schemas']['CaseNeed'][];
              /** @enum {string} */
              origin: 'conversation' | 'chat' | 'manual';
              outcome: components['schemas']['CaseOutcome'] | null;
              ownerId: string;
              placeId: string | null;
              placeName: string | null;
              pseudonym: string;
              status: components['schemas']['CaseStatus'];
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/cases/{id}/consents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Records a consent the person gave, with its evidence */
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
          'application/json': {
            /** @default false */
            declined?: boolean;
            /** Format: uuid */
            evidenceMessageId?: string;
            /** Format: date-time */
            expiresAt?: string | null;
            /** @default [] */
            fields?: (
              | 'alias'
              | 'age'
              | 'gender'
              | 'languages'
              | 'place'
              | 'needs'
              | 'risk_summary'
              | 'contact_channel'
              | 'contact_address'
              | 'handoff_note'
              | 'conversation_excerpt'
            )[];
            /** Format: date-time */
            givenAt: string;
            note?: string;
            /** Format: uuid */
            organisationId?: string | null;
            /** @enum {string} */
            scope: 'contact_again' | 'keep_data' | 'share_with_org';
            /** @enum {string} */
            source: 'message' | 'call_note' | 'in_person_note' | 'chat';
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
            'application/json': {
              evidence: {
                messageAt: string | null;
                messageId: string | null;
                messageText: string | null;
                note: string | null;
                source: components['schemas']['ConsentSource'];
              };
              expiresAt: string | null;
              fields: components['schemas']['ShareableField'][];
              givenAt: string;
              id: string;
              organisationId: string | null;
              recordedAt: string;
              recordedBy: string;
              scope: components['schemas']['ConsentScope'];
              /** @enum {string} */
              state: 'current' | 'not_yet' | 'expired' | 'withdrawn' | 'declined';
              withdrawal: {
                messageAt: string | null;
                messageId: string | null;
                messageText: string | null;
                note: string | null;
                source: components['schemas']['ConsentSource'];
              } | null;
              withdrawnAt: string | null;
              withdrawnBy: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/cases/{id}/consents/{consentId}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Records that the person withdrew a consent; it ends at once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          consentId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            evidenceMessageId?: string;
            note?: string;
            /** @enum {string} */
            source: 'message' | 'call_note' | 'in_person_note' | 'chat';
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
            'application/json': {
              evidence: {
                messageAt: string | null;
                messageId: string | null;
                messageText: string | null;
                note: string | null;
                source: components['schemas']['ConsentSource'];
              };
              expiresAt: string | null;
              fields: components['schemas']['ShareableField'][];
              givenAt: string;
              id: string;
              organisationId: string | null;
              recordedAt: string;
              recordedBy: string;
              scope: components['schemas']['ConsentScope'];
              /** @enum {string} */
              state: 'current' | 'not_yet' | 'expired' | 'withdrawn' | 'declined';
              withdrawal: {
                messageAt: string | null;
                messageId: string | null;
                messageText: string | null;
                note: string | null;
                source: components['schemas']['ConsentSource'];
              } | null;
              withdrawnAt: string | null;
              withdrawnBy: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/cases/{id}/erase': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Erase the case's person (supervisor); refused while a legal hold is set */
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
          'application/json': {
            confirmPseudonym: string;
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
            'application/json': components['schemas']['ErasureResult'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/cases/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Everything held about the case's person, as JSON or one HTML page (audited) */
    get: {
      parameters: {
        query?: {
          format?: 'json' | 'html';
          notes?: 'true' | 'false';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The subject export, as a download */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SubjectExport'];
            'text/html': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/cases/{id}/hold': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a legal hold: the case is not erased, on request or by retention (supervisor) */
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
          'application/json': {
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
            'application/json': {
              id: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    /** Lift the legal hold (supervisor, audited) */
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
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/holds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Legal holds on the case, newest first */
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
            'application/json': components['schemas']['CaseHold'][];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/cases/{id}/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The case's notes (a read of its own: recorded and audited) */
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
            'application/json': {
              items: {
                authorId: string;
                createdAt: string;
                id: string;
                text: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Adds a note (encrypted at rest) */
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
          'application/json': {
            text: string;
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
            'application/json': {
              authorId: string;
              createdAt: string;
              id: string;
              text: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/cases/{id}/risk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A dated risk assessment */
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
          'application/json': {
            answers: {
              [key: string]: 'yes' | 'no' | 'unknown';
            };
            /** @enum {string} */
            level: 'low' | 'medium' | 'high';
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
            'application/json': {
              answers: {
                [key: string]: components['schemas']['RiskAnswer'];
              };
              assessedAt: string;
              assessedBy: string;
              id: string;
              level: components['schemas']['RiskLevel'];
              note: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/cases/{id}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Moves the case on (open → referral → in care → closed with outcome) */
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
          'application/json': {
            /** @enum {string|null} */
            outcome?:
              | 'helped'
              | 'referred_elsewhere'
              | 'declined_help'
              | 'lost_contact'
              | 'not_a_victim'
              | 'other'
              | null;
            /** @enum {string} */
            status: 'open' | 'referral' | 'in_care' | 'closed';
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
            'application/json': {
              age: number | null;
              alias: string;
              assigneeIds: string[];
              closedAt: string | null;
              createdAt: string;
              exploitationTypes: ('sexual' | 'labour' | 'criminality' | 'begging' | 'other')[];
              gender: components['schemas']['Gender'] | null;
              id: string;
              languages: string[];
              minor: boolean;
              nationality: string | null;
              needs: components['schemas']['CaseNeed'][];
              /** @enum {string} */
              origin: 'conversation' | 'chat' | 'manual';
              outcome: components['schemas']['CaseOutcome'] | null;
              ownerId: string;
              placeId: string | null;
              placeName: string | null;
              pseudonym: string;
              status: components['schemas']['CaseStatus'];
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/cases/{id}/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A task or follow-up, with a due date for its reminder */
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
          'application/json': {
            /** Format: uuid */
            assigneeId?: string | null;
            /** Format: date-time */
            dueAt?: string | null;
            title: string;
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
            'application/json': {
              assigneeId: string | null;
              createdAt: string;
              createdBy: string;
              doneAt: string | null;
              doneBy: string | null;
              due: boolean;
              dueAt: string | null;
              id: string;
              title: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/cases/{id}/tasks/{taskId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Deletes a task */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          taskId: string;
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
            'application/json': {
              /** @enum {boolean} */
              deleted: true;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Changes a task, or marks it done or not done */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          taskId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            assigneeId?: string | null;
            done?: boolean;
            /** Format: date-time */
            dueAt?: string | null;
            title?: string;
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
            'application/json': {
              assigneeId: string | null;
              createdAt: string;
              createdBy: string;
              doneAt: string | null;
              doneBy: string | null;
              due: boolean;
              dueAt: string | null;
              id: string;
              title: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/cases/{id}/views': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who viewed this case, and when */
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
            'application/json': {
              items: {
                /** @enum {string} */
                part: 'case' | 'notes';
                userId: string | null;
                userLabel: string;
                viewedAt: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/cases/alerts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Alerts no supervisor acknowledged yet (a case about a minor; consent to keep data ended) */
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
            'application/json': {
              items: {
                acknowledgedAt: string | null;
                acknowledgedBy: string | null;
                caseAlias: string;
                caseId: string;
                casePseudonym: string;
                id: string;
                /** @enum {string} */
                kind: 'minor' | 'keep_data_ended';
                raisedAt: string;
                raisedBy: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/cases/alerts/{id}/acknowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A supervisor acknowledges an alert */
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
            'application/json': {
              acknowledgedAt: string | null;
              acknowledgedBy: string | null;
              caseId: string;
              id: string;
              /** @enum {string} */
              kind: 'minor' | 'keep_data_ended';
              raisedAt: string;
              raisedBy: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/cases/due-tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The reader's open tasks that are due (reminders) */
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
            'application/json': {
              items: {
                assigneeId: string | null;
                caseAlias: string;
                caseId: string;
                casePseudonym: string;
                createdAt: string;
                createdBy: string;
                doneAt: string | null;
                doneBy: string | null;
                due: boolean;
                dueAt: string | null;
                id: string;
                title: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/cases/export/htcds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every case as HTCDS records (supervisors; audited): JSON, or CSV with format=csv */
    get: {
      parameters: {
        query?: {
          format?: 'json' | 'csv';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description An HTCDS document, or one CSV line per referral with a header line */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cases: {
                ari_Age: number | null;
                /** @enum {string|null} */
                ari_AgeRange: '0-11' | '12-17' | '18-24' | '25-34' | '35-44' | '45+' | null;
                ari_CaseId: string;
                /** @enum {string|null} */
                ari_Gender: 'female' | 'male' | 'trans' | 'non_binary' | 'unknown' | null;
                /** @enum {string} */
                ari_IdentifiedThrough: 'OutreachMessage' | 'Chat' | 'RecordedByWorker';
                ari_Minor: boolean;
                /** Format: date */
                ari_OpenedDate: string;
                /** @enum {string|null} */
                ari_Outcome:
                  | 'helped'
                  | 'referred_elsewhere'
                  | 'declined_help'
                  | 'lost_contact'
                  | 'not_a_victim'
                  | 'other'
                  | null;
                /** @enum {string} */
                ari_Status: 'open' | 'referral' | 'in_care' | 'closed';
                /** @enum {string} */
                cas_Status: 'Active' | 'FollowUp' | 'Closed' | 'ClosedReferred';
                /** @enum {string} */
                prs_Gender: 'Male' | 'Female' | 'Transgender/NonConforming' | 'Unknown';
                prs_Nationality: string | null;
                referrals: {
                  /** @enum {string} */
                  ari_LegalBasis: 'consent' | 'child_protection_duty';
                  /** @enum {string} */
                  ari_ReferralState:
                    | 'sent'
                    | 'accepted'
                    | 'declined'
                    | 'intake_done'
                    | 'in_care'
                    | 'left'
                    | 'helped'
                    | 'revoked'
                    | 'expired';
                  /** Format: date */
                  cas_OutgoingReferralDate: string;
                  /** @enum {string} */
                  cas_ReasonForOutgoingReferral: 'AdditionalServicesRequired';
                  cas_ReferredOrganisation: string;
                  /** @enum {string} */
                  org_Type:
                    | 'NGO'
                    | 'LawEnforcement'
                    | 'HealthServiceOrganisation'
                    | 'CentralGovernmentOrganisation'
                    | 'LocalGovernmentOrganisation'
                    | 'ImmigrationService'
                    | 'LegalService'
                    | 'CorporateBusiness';
                }[];
                vic_AgreementToManagePersonalData: boolean;
                vic_TypeOfExploitation: (
                  | 'SexualExploitation'
                  | 'ForcedLabour'
                  | 'IllicitActivities'
                  | 'ForcedBegging'
                  | 'Other'
                )[];
              }[];
              /** @enum {string} */
              standard: 'HTCDS';
              /** @enum {string} */
              version: '2.0';
            };
            'text/csv': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/cases/import/htcds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Imports an HTCDS JSON document, or the CSV export as a text/csv body (supervisors): all cases or none */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            [key: string]: unknown;
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
            'application/json': {
              imported: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                /** @enum {string} */
                code: 'import_refused';
                message: string;
                problems: {
                  field: string;
                  issue?: components['schemas']['ValidationIssue'];
                  message: string;
                  row: number;
                  text?: components['schemas']['ErrorText'];
                }[];
                text: components['schemas']['ErrorText'];
              };
            };
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
  '/api/cases/lead-alerts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Leads about a minor no supervisor acknowledged yet (the child protocol) */
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
            'application/json': {
              items: components['schemas']['LeadAlert'][];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/cases/lead-alerts/{id}/acknowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A supervisor acknowledges a lead's minor alert */
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
            'application/json': components['schemas']['LeadAlert'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/chat/alerts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Chats that went back to the queue unanswered, not yet acknowledged (supervisors) */
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
            'application/json': {
              items: components['schemas']['ChatAlert'][];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/chat/alerts/{id}/acknowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A supervisor acknowledges an alert */
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
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChatAlert'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/chat/chats/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A chat and its transcript (every opening is audited) */
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
            'application/json': {
              /** Format: uuid */
              caseId: string | null;
              chat: components['schemas']['ChatSummary'];
              messages: components['schemas']['ChatMessageView'][];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/chat/chats/{id}/block': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Blocks an abusive visitor: the chat ends and its session is refused from now on */
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
          'application/json': {
            /** @enum {string} */
            reason?: 'abusive_language' | 'threats' | 'sexual_content' | 'spam' | 'other';
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
            'application/json': components['schemas']['ChatSummary'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/chat/chats/{id}/case': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Opens a case from the chat in one step: its transcript carried as the case’s thread, with the consent the person gave in the chat (audited). A chat that has a case: 409 naming it */
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
          'application/json': {
            /** @default [] */
            consents?: {
              /** Format: date-time */
              expiresAt?: string | null;
              fields?: (
                | 'alias'
                | 'age'
                | 'gender'
                | 'languages'
                | 'place'
                | 'needs'
                | 'risk_summary'
                | 'contact_channel'
                | 'contact_address'
                | 'handoff_note'
                | 'conversation_excerpt'
              )[];
              /** Format: uuid */
              organisationId?: string | null;
              /** @enum {string} */
              scope: 'contact_again' | 'keep_data' | 'share_with_org';
            }[];
            evidenceSeq?: number;
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
            'application/json': {
              alias: string;
              /** Format: uuid */
              caseId: string;
              consentIds: string[];
              pseudonym: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/chat/chats/{id}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ends the chat with a reason */
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
          'application/json': {
            /** @enum {string} */
            reason: 'resolved' | 'referred' | 'abusive';
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
            'application/json': components['schemas']['ChatSummary'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/chat/chats/{id}/join': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A supervisor joins a taken chat (audited); they may then write in it */
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
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChatSummary'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/chat/chats/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sends a message to the visitor (a repeated clientId is stored once) */
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
          'application/json': {
            body: string;
            /** Format: uuid */
            clientId?: string;
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
            'application/json': components['schemas']['ChatMessageView'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/chat/chats/{id}/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Internal notes on a chat (audited) */
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
            'application/json': {
              items: {
                at: string;
                /** Format: uuid */
                authorId: string;
                body: string;
                /** Format: uuid */
                id: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Adds an internal note (never shown to the visitor) */
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
          'application/json': {
            body: string;
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
            'application/json': {
              at: string;
              /** Format: uuid */
              authorId: string;
              body: string;
              /** Format: uuid */
              id: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/chat/chats/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Marks the visitor’s messages read up to a seq */
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
          'application/json': {
            upTo: number;
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
            'application/json': {
              /** @enum {boolean} */
              ok: true;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/chat/chats/{id}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hands the chat to a colleague who works the chat line */
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
          'application/json': {
            /** Format: uuid */
            toUserId: string;
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
            'application/json': components['schemas']['ChatSummary'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/chat/chats/{id}/typing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Tells the visitor the operator is typing (or stopped) */
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
          'application/json': {
            on: boolean;
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
            'application/json': {
              /** @enum {boolean} */
              ok: true;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/chat/colleagues': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Colleagues who work the chat line (to transfer a chat to): on duty, chats held */
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
            'application/json': {
              cap: number;
              items: components['schemas']['ChatColleague'][];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/chat/mine': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The chats the operator holds, and how many one operator may hold at once */
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
            'application/json': {
              cap: number;
              items: components['schemas']['ChatSummary'][];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/chat/queue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Waiting chats, most urgent first, then the longest waiting */
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
            'application/json': {
              items: {
                blocked: boolean;
                endedAt: string | null;
                /** @enum {string|null} */
                endReason: 'visitor_left' | 'resolved' | 'referred' | 'abusive' | 'timeout' | null;
                /** Format: uuid */
                id: string;
                language: string;
                lastSeq: number;
                /** Format: uuid */
                operatorId: string | null;
                operatorName: string | null;
                operatorReadSeq: number;
                position: number;
                queuedAt: string;
                returnedCount: number;
                /** @enum {string} */
                state: 'queued' | 'active' | 'ended';
                takenAt: string | null;
                triage: {
                  /** @enum {string} */
                  ageGroup?: 'under_18' | '18_23' | '24_plus';
                  /** @enum {string} */
                  safeNow?: 'yes' | 'no' | 'unsure';
                  /** @enum {string} */
                  topic?: 'sex_work' | 'work_or_money' | 'relationship' | 'online' | 'other';
                };
                unansweredSince: string | null;
                /** @enum {string} */
                urgency: 'not_safe' | 'minor' | 'unsure' | 'other';
                visitorReadSeq: number;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/chat/running': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every taken chat, to watch or join (supervisors) */
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
            'application/json': {
              items: components['schemas']['ChatSummary'][];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/chat/take': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Takes the next waiting chat, or the one chosen, under the operator cap */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            chatId?: string;
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
            'application/json': components['schemas']['ChatSummary'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/contacts/{id}/do-not-contact': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Puts a contact on the do-not-contact list; anything queued for them is cancelled */
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
          'application/json': {
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
            'application/json': {
              cancelled: number;
              changed: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/conversations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A conversation with its messages (audited; marks it read) */
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
            'application/json': {
              assignment: components['schemas']['AssignmentOptions'];
              contact: {
                country: string | null;
                doNotContact: boolean;
                id: string;
                /** @enum {string} */
                kind: 'phone' | 'email' | 'handle';
                lastInboundAt: string | null;
                masked: string;
                optOutAt: string | null;
              } | null;
              conversation: {
                alias: string | null;
                assigneeId: string | null;
                channelId: string | null;
                /** @enum {string|null} */
                closedReason: 'opt_out' | null;
                createdAt: string;
                entityId: string | null;
                id: string;
                /** @enum {string} */
                kind: 'outreach' | 'inbound' | 'chat';
                status: components['schemas']['ConversationStatus'];
                unanswered: number;
                unread: number;
              };
              messages: {
                authorId: string | null;
                body: string;
                channelId: string | null;
                createdAt: string;
                deliveredAt: string | null;
                /** @enum {string} */
                direction: 'out' | 'in' | 'note';
                errorCode: string | null;
                errorMessage: string | null;
                failedAt: string | null;
                id: string;
                providerId: string | null;
                /** @enum {string} */
                purpose: 'message' | 'opt_out_confirmation';
                scheduledFor: string | null;
                scheduledZone: string | null;
                segments: number | null;
                sentAt: string | null;
                status: components['schemas']['MessageStatus'];
                templateId: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Status (open, waiting, closed) and assignee */
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
          'application/json': {
            /** Format: uuid */
            assigneeId?: string | null;
            /** @enum {string} */
            status?: 'open' | 'waiting' | 'closed';
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
            'application/json': {
              assigneeId: string | null;
              assignment: components['schemas']['AssignmentOptions'];
              id: string;
              status: components['schemas']['ConversationStatus'];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/conversations/{id}/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** An internal note (never sent) */
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
          'application/json': {
            text: string;
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
            'application/json': {
              createdAt: string;
              id: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/conversations/{id}/replies-by-hand': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A reply read on a platform without an API, recorded in the conversation */
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
          'application/json': {
            text: string;
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
            'application/json': {
              messageId: string;
              optOut: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/crawl-runs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A crawl run with its errors per URL */
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
            'application/json': {
              errors: {
                at: string;
                kind: string;
                message: string;
                status: number | null;
                url: string;
              }[];
              run: {
                adsChanged: number;
                adsFound: number;
                adsGone: number;
                adsNew: number;
                adsUnchanged: number;
                createdAt: string;
                errorsByKind: {
                  [key: string]: number;
                };
                failure: string | null;
                fieldFill: {
                  [key: string]: number;
                };
                finishedAt: string | null;
                id: string;
                message: string | null;
                pagesFetched: number;
                parseErrors: number;
                resumedFrom: string | null;
                startedAt: string | null;
                /** @enum {string} */
                status: 'queued' | 'running' | 'finished' | 'failed';
                trigger: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/entities/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An entity: ads, masked identifiers, movement, templates, similar ads, score reasons, lead (audited) */
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
            'application/json': {
              adCount: number;
              ads: {
                city: string | null;
                displayName: string | null;
                externalId: string;
                firstSeenAt: string;
                goneAt: string | null;
                id: string;
                language: string | null;
                lastSeenAt: string;
                score: number | null;
                snippet: string;
                source: string;
                /** @enum {string} */
                status: 'active' | 'gone';
                title: string | null;
                urgent: boolean;
                url: string;
                version: number;
              }[];
              alias: components['schemas']['EntityAlias'];
              evidenceAt: string;
              exploitationBasis: components['schemas']['ExploitationBasis'];
              exploitationType: components['schemas']['ExploitationType'];
              features: {
                activeAds: number;
                ads: number;
                cities: number;
                cities14d: number;
                displayNames: number;
                firstSeen: string;
                imageEntities: number;
                languages: string[];
                lastSeen: string;
                namesPerNumber: number;
                obfuscatedContacts: number;
                phones: number;
                postingRatePerWeek: number;
                sharedImages: number;
                statedAges: number[];
                templateAds: number;
                templateEntities: number;
              } | null;
              id: string;
              identifiers: {
                ads: number;
                identifierId: string;
                kind: string;
                masked: string;
                obfuscated: boolean;
                platform: string | null;
              }[];
              lead: {
                allowed: components['schemas']['LeadState'][];
                assigneeId: string | null;
                assignment: components['schemas']['AssignmentOptions'];
                createdAt: string;
                entityId: string;
                evidenceAt: string;
                exploitationType: components['schemas']['ExploitationType'];
                flags: string[];
                history: {
                  action: string;
                  actorId: string | null;
                  at: string;
                  detail: {
                    [key: string]: ((string | number | boolean) | null) | string[];
                  };
                  entityId: string;
                  fromState: string | null;
                  id: string;
                  toState: string | null;
                }[];
                languages: string[];
                newEvidence: boolean;
                noActionReason: string | null;
                placeIds: string[];
                score: number;
                seenAt: string | null;
                snoozedUntil: string | null;
                state: components['schemas']['LeadState'];
                stateChangedAt: string;
                urgent: boolean;
              } | null;
              moreAds: number;
              movement: {
                ads: number;
                country: string;
                firstSeen: string;
                lastSeen: string;
                lat: number;
                lon: number;
                name: string;
                placeId: string;
              }[];
              requestedId: string;
              score: {
                flags: string[];
                modelVersion: number;
                reasons: {
                  category?: string;
                  code: string;
                  /** @enum {string|null} */
                  evidence: 'validated' | 'practitioner' | 'contested' | null;
                  hits?: {
                    adId: string;
                    end: number;
                    field: string;
                    start: number;
                  }[];
                  /** @enum {string} */
                  kind: 'indicator' | 'feature';
                  label: string;
                  labelText?: components['schemas']['ReasonText'][];
                  points: number;
                  source?: string;
                  uncapped?: number;
                  urgent?: boolean;
                  value?: number | string | string[];
                  why: string;
                  whyText?: components['schemas']['ReasonText'][];
                }[];
                score: number;
                scoredAt: string;
                urgent: boolean;
              } | null;
              similar: {
                adId: string;
                entityAlias: components['schemas']['EntityAlias'] | null;
                entityId: string;
                similarity: number;
                toAdId: string;
              }[];
              templates: {
                ads: number;
                otherEntities: number;
                templateId: string;
                totalAds: number;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/entities/{id}/graph': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Ads, identifiers (masked), templates and neighbouring entities as a graph */
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
            'application/json': {
              edges: {
                kind: string;
                source: string;
                target: string;
              }[];
              nodes: {
                id: string;
                /** @enum {string} */
                kind: 'ad' | 'identifier' | 'template' | 'entity';
                label: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/extract/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Custom terms and block-list in force, with the rule-set version */
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
            'application/json': {
              rules: (
                | {
                    body: {
                      /** @enum {string} */
                      category:
                        | 'possible_minor'
                        | 'trust_language'
                        | 'ethnicity'
                        | 'obfuscation'
                        | 'third_party'
                        | 'movement'
                        | 'restricted_movement'
                        | 'always_available'
                        | 'unsafe_services'
                        | 'low_price'
                        | 'multiple_people'
                        | 'language_barrier'
                        | 'recruitment'
                        | 'screening'
                        | 'crude_language'
                        | 'easy_money'
                        | 'account_lending'
                        | 'drug_running'
                        | 'travel_paid'
                        | 'no_questions'
                        | 'targets_young'
                        | 'private_app';
                      code?: string;
                      /**
                       * @default practitioner
                       * @enum {string}
                       */
                      evidence: 'validated' | 'practitioner' | 'contested';
                      explanation: string;
                      /** @default custom */
                      language: string;
                      /** @default false */
                      negatable: boolean;
                      patterns: string[];
                      /** @default analyst custom term */
                      source: string;
                      weight?: number;
                    };
                    createdAt: string;
                    id: string;
                    /** @enum {string} */
                    type: 'custom_term';
                  }
                | {
                    body: {
                      code?: string;
                      /** @enum {string} */
                      field?: 'title' | 'body' | 'phone' | 'age' | 'price' | 'city' | 'displayName';
                      /** @enum {string} */
                      kind:
                        | 'phone'
                        | 'email'
                        | 'url'
                        | 'messenger'
                        | 'age'
                        | 'price'
                        | 'place'
                        | 'postcode'
                        | 'location_type'
                        | 'language'
                        | 'spoken_language'
                        | 'indicator';
                      note?: string;
                      pattern?: string;
                      value?: string;
                    };
                    createdAt: string;
                    id: string;
                    /** @enum {string} */
                    type: 'block';
                  }
              )[];
              ruleSetVersion: string;
              stale: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Add a custom term or a block-list entry; affected ads are re-processed */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            rule: {
              [key: string]: unknown;
            };
            /** @enum {string} */
            type: 'custom_term' | 'block';
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
            'application/json':
              | {
                  body: {
                    /** @enum {string} */
                    category:
                      | 'possible_minor'
                      | 'trust_language'
                      | 'ethnicity'
                      | 'obfuscation'
                      | 'third_party'
                      | 'movement'
                      | 'restricted_movement'
                      | 'always_available'
                      | 'unsafe_services'
                      | 'low_price'
                      | 'multiple_people'
                      | 'language_barrier'
                      | 'recruitment'
                      | 'screening'
                      | 'crude_language'
                      | 'easy_money'
                      | 'account_lending'
                      | 'drug_running'
                      | 'travel_paid'
                      | 'no_questions'
                      | 'targets_young'
                      | 'private_app';
                    code?: string;
                    /**
                     * @default practitioner
                     * @enum {string}
                     */
                    evidence: 'validated' | 'practitioner' | 'contested';
                    explanation: string;
                    /** @default custom */
                    language: string;
                    /** @default false */
                    negatable: boolean;
                    patterns: string[];
                    /** @default analyst custom term */
                    source: string;
                    weight?: number;
                  };
                  createdAt: string;
                  id: string;
                  /** @enum {string} */
                  type: 'custom_term';
                }
              | {
                  body: {
                    code?: string;
                    /** @enum {string} */
                    field?: 'title' | 'body' | 'phone' | 'age' | 'price' | 'city' | 'displayName';
                    /** @enum {string} */
                    kind:
                      | 'phone'
                      | 'email'
                      | 'url'
                      | 'messenger'
                      | 'age'
                      | 'price'
                      | 'place'
                      | 'postcode'
                      | 'location_type'
                      | 'language'
                      | 'spoken_language'
                      | 'indicator';
                    note?: string;
                    pattern?: string;
                    value?: string;
                  };
                  createdAt: string;
                  id: string;
                  /** @enum {string} */
                  type: 'block';
                };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/extract/rules/{id}/retire': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Retire a custom term or block-list entry; affected ads are re-processed */
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
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/identifiers/{id}/reveal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Show one identifier in the clear (audited) */
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
          'application/json': {
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
            'application/json': {
              id: string;
              kind: string;
              raw: string;
              value: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/inbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Conversations and chats, newest activity first, with the unread badge (chats for those who work the chat line) */
    get: {
      parameters: {
        query?: {
          assignee?: string;
          cursor?: string;
          entityId?: string;
          kind?: 'all' | 'outreach' | 'chat';
          limit?: number;
          preview?: string;
          status?: 'open' | 'waiting' | 'closed' | 'all';
          unread?: string;
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
            'application/json': {
              items: components['schemas']['InboxEntry'][];
              nextCursor: string | null;
              unread: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/insights/export.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The same export as CSV: table, row, column, value (audited) */
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
          unit?: 'day' | 'week' | 'month';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One line per published cell, with a header line */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/insights/export.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The funnel for funders: no personal data, small cells suppressed (audited) */
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
          unit?: 'day' | 'week' | 'month';
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
            'application/json': {
              contactToReferral: {
                cases: number | '<5' | 'x';
                medianDays: number | null;
                p75Days: number | null;
              };
              conversions: {
                accepted: number | null;
                ads: number | null;
                cases: number | null;
                contacted: number | null;
                helped: number | null;
                leads: number | null;
                referred: number | null;
                replied: number | null;
              };
              /** Format: date-time */
              generatedAt: string;
              languages: {
                counts: {
                  accepted: number | '<5' | 'x';
                  ads: number | '<5' | 'x';
                  cases: number | '<5' | 'x';
                  contacted: number | '<5' | 'x';
                  helped: number | '<5' | 'x';
                  leads: number | '<5' | 'x';
                  referred: number | '<5' | 'x';
                  replied: number | '<5' | 'x';
                };
                language: string;
              }[];
              note: string;
              outcomes: {
                rows: {
                  counts: {
                    [key: string]: number | '<5' | 'x';
                  };
                  organisation: string;
                  total: number | '<5' | 'x';
                }[];
                states: string[];
                totals: {
                  [key: string]: number | '<5' | 'x';
                } | null;
              };
              periods: {
                counts: {
                  accepted: number | '<5' | 'x';
                  ads: number | '<5' | 'x';
                  cases: number | '<5' | 'x';
                  contacted: number | '<5' | 'x';
                  helped: number | '<5' | 'x';
                  leads: number | '<5' | 'x';
                  referred: number | '<5' | 'x';
                  replied: number | '<5' | 'x';
                };
                period: string;
              }[];
              range: {
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
                /** @enum {string} */
                unit: 'day' | 'week' | 'month';
              };
              regions: {
                counts: {
                  accepted: number | '<5' | 'x';
                  ads: number | '<5' | 'x';
                  cases: number | '<5' | 'x';
                  contacted: number | '<5' | 'x';
                  helped: number | '<5' | 'x';
                  leads: number | '<5' | 'x';
                  referred: number | '<5' | 'x';
                  replied: number | '<5' | 'x';
                };
                region: string;
              }[];
              totals: {
                accepted: number | '<5' | 'x';
                ads: number | '<5' | 'x';
                cases: number | '<5' | 'x';
                contacted: number | '<5' | 'x';
                helped: number | '<5' | 'x';
                leads: number | '<5' | 'x';
                referred: number | '<5' | 'x';
                replied: number | '<5' | 'x';
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/insights/funnel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The funnel for a range: per period, region and language; time to referral; outcomes */
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
          unit?: 'day' | 'week' | 'month';
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
            'application/json': {
              contactToReferral: {
                cases: number;
                medianDays: number | null;
                p75Days: number | null;
              };
              conversions: {
                accepted: number | null;
                ads: number | null;
                cases: number | null;
                contacted: number | null;
                helped: number | null;
                leads: number | null;
                referred: number | null;
                replied: number | null;
              };
              languages: {
                counts: {
                  accepted: number;
                  ads: number;
                  cases: number;
                  contacted: number;
                  helped: number;
                  leads: number;
                  referred: number;
                  replied: number;
                };
                key: string;
              }[];
              outcomes: {
                count: number;
                organisation: string;
                state: string;
              }[];
              periods: {
                counts: {
                  accepted: number;
                  ads: number;
                  cases: number;
                  contacted: number;
                  helped: number;
                  leads: number;
                  referred: number;
                  replied: number;
                };
                key: string;
              }[];
              range: {
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
                /** @enum {string} */
                unit: 'day' | 'week' | 'month';
              };
              regions: {
                counts: {
                  accepted: number;
                  ads: number;
                  cases: number;
                  contacted: number;
                  helped: number;
                  leads: number;
                  referred: number;
                  replied: number;
                };
                key: string;
              }[];
              steps: (
                | 'ads'
                | 'leads'
                | 'contacted'
                | 'replied'
                | 'cases'
                | 'referred'
                | 'accepted'
                | 'helped'
              )[];
              totals: {
                accepted: number;
                ads: number;
                cases: number;
                contacted: number;
                helped: number;
                leads: number;
                referred: number;
                replied: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/leads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The triage queue: urgent first, then score, then newest evidence (keyset pages) */
    get: {
      parameters: {
        query?: {
          assignee?: string;
          cursor?: string;
          exploitation?: string;
          flag?: string;
          includeSnoozed?: string;
          language?: string;
          limit?: number;
          maxScore?: number;
          minScore?: number;
          place?: string;
          q?: string;
          state?:
            | ('new' | 'in_review' | 'contact_planned' | 'contacted' | 'no_action' | 'closed')
            | 'open'
            | 'all';
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
            'application/json': {
              items: {
                adCount: number;
                alias: components['schemas']['EntityAlias'];
                assigneeId: string | null;
                entityId: string;
                evidenceAt: string;
                exploitationType: components['schemas']['ExploitationType'];
                flags: string[];
                languages: string[];
                lastPlace: string | null;
                newEvidence: boolean;
                placeIds: string[];
                places: {
                  id: string;
                  name: string;
                }[];
                score: number;
                snoozedUntil: string | null;
                state: components['schemas']['LeadState'];
                topReasons: {
                  label: string;
                  labelText?: components['schemas']['ReasonText'][];
                  points: number;
                }[];
                urgent: boolean;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/leads.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The queue with its filters as CSV (audited); the header in the user's language, or codes with ?labels=codes */
    get: {
      parameters: {
        query?: {
          assignee?: string;
          exploitation?: string;
          flag?: string;
          includeSnoozed?: string;
          labels?: 'words' | 'codes';
          language?: string;
          maxScore?: number;
          minScore?: number;
          place?: string;
          q?: string;
          state?:
            | ('new' | 'in_review' | 'contact_planned' | 'contacted' | 'no_action' | 'closed')
            | 'open'
            | 'all';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One line per lead, with a header line */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/leads/{id}/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assign, move state (no action needs a reason), snooze, or mark seen */
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
          'application/json':
            | {
                /** @enum {string} */
                action: 'assign';
                /** Format: uuid */
                assigneeId: string | null;
              }
            | {
                /** @enum {string} */
                action: 'state';
                reason?: string;
                /** @enum {string} */
                state:
                  'new' | 'in_review' | 'contact_planned' | 'contacted' | 'no_action' | 'closed';
              }
            | {
                /** @enum {string} */
                action: 'snooze';
                until: unknown;
              }
            | {
                /** @enum {string} */
                action: 'seen';
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
            'application/json': {
              allowed: components['schemas']['LeadState'][];
              assigneeId: string | null;
              assignment: components['schemas']['AssignmentOptions'];
              createdAt: string;
              entityId: string;
              evidenceAt: string;
              exploitationType: components['schemas']['ExploitationType'];
              flags: string[];
              languages: string[];
              noActionReason: string | null;
              placeIds: string[];
              score: number;
              seenAt: string | null;
              snoozedUntil: string | null;
              state: components['schemas']['LeadState'];
              stateChangedAt: string;
              urgent: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/me': {
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
    /** Your own settings */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            language: 'en' | 'nl';
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
            'application/json': {
              user: {
                displayName: string;
                email: string;
                id: string;
                language: components['schemas']['Language'];
                mustChangePassword: boolean;
                partnerOrgId: string | null;
                role: components['schemas']['Role'];
                totpEnrolled: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/outreach/channel-kinds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Channel kinds with the JSON Schema of their settings (secrets are writeOnly) */
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
            'application/json': {
              items: {
                kind: components['schemas']['ChannelKind'];
                label: string;
                senderHint: string;
                settingsSchema: components['schemas']['JsonSchemaDocument'];
                webhookPath: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/outreach/channels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Channels (never their settings) */
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
            'application/json': {
              items: {
                enabled: boolean;
                id: string;
                kind: components['schemas']['ChannelKind'];
                name: string;
                repliesPossible: boolean;
                sender: string | null;
                updatedAt: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Creates or updates a channel (by name); credentials are stored encrypted */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default true */
            enabled?: boolean;
            /** @enum {string} */
            kind: 'smpp' | 'cm' | 'messagebird' | 'twilio' | 'whatsapp' | 'email' | 'manual';
            name: string;
            /** @default null */
            sender?: string | null;
            /** @default {} */
            settings?: {
              [key: string]: unknown;
            };
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
            'application/json': {
              enabled: boolean;
              id: string;
              kind: components['schemas']['ChannelKind'];
              name: string;
              repliesPossible: boolean;
              sender: string | null;
              updatedAt: string;
              warnings: string[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/outreach/channels/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One channel for its admin form: settings without their secrets, and the webhook address to give the provider */
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
            'application/json': {
              enabled: boolean;
              id: string;
              kind: components['schemas']['ChannelKind'];
              name: string;
              repliesPossible: boolean;
              sender: string | null;
              settings: components['schemas']['ChannelSettings'];
              updatedAt: string;
              webhookUrl: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/outreach/compose-check': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Every contact rule on a message as the dialog has it, at the server's clock, without sending */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            channelId: string;
            /** @default false */
            confirmSafety?: boolean;
            contact?:
              | (
                  | {
                      address: string;
                      /** @enum {string} */
                      kind: 'phone' | 'email' | 'handle';
                    }
                  | {
                      /** Format: uuid */
                      identifierId: string;
                    }
                )
              | null;
            /** Format: uuid */
            conversationId?: string | null;
            /** Format: uuid */
            entityId?: string | null;
            override?: {
              reason: string;
            } | null;
            /** Format: uuid */
            templateId?: string | null;
            text?: string | null;
            /** @default {} */
            values?: {
              city?: string | null;
              displayName?: string | null;
            };
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
            'application/json': {
              allowed: boolean;
              message: string | null;
              namesAllowed: boolean;
              possibleFrom: string | null;
              refusals: {
                message: string;
                notBefore: string | null;
                rule: string;
                text?: components['schemas']['RefusalText'];
              }[];
              rule: string | null;
              schedulable: boolean;
              sharedByNames: number;
              templateNames: boolean;
              text: components['schemas']['RefusalText'] | null;
              timeZone: {
                guessed: boolean;
                zone: string;
              };
              warnings: string[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/outreach/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Composes a message (every contact rule is checked) and queues its sending */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            channelId: string;
            /** @default false */
            confirmSafety?: boolean;
            contact?:
              | (
                  | {
                      address: string;
                      /** @enum {string} */
                      kind: 'phone' | 'email' | 'handle';
                    }
                  | {
                      /** Format: uuid */
                      identifierId: string;
                    }
                )
              | null;
            /** Format: uuid */
            conversationId?: string | null;
            /** Format: uuid */
            entityId?: string | null;
            idempotencyKey: string;
            override?: {
              reason: string;
            } | null;
            /** @default false */
            schedule?: boolean;
            /** Format: uuid */
            templateId?: string | null;
            text?: string | null;
            /** @default {} */
            values?: {
              city?: string | null;
              displayName?: string | null;
            };
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
            'application/json': {
              conversationId: string;
              message: {
                body?: string;
                channelId: string | null;
                conversationId: string;
                createdAt: string;
                errorCode: string | null;
                errorMessage: string | null;
                id: string;
                providerId: string | null;
                /** @enum {string} */
                purpose: 'message' | 'opt_out_confirmation';
                scheduledFor: string | null;
                scheduledZone: string | null;
                segments: number | null;
                status: components['schemas']['MessageStatus'];
                templateId: string | null;
              };
              warnings: string[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                notBefore?: string | null;
                rule?: string;
                text?: components['schemas']['RefusalText'];
              };
            };
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
  '/api/outreach/messages/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A scheduled message taken back before it goes, by its author or a supervisor */
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
            'application/json': {
              body?: string;
              channelId: string | null;
              conversationId: string;
              createdAt: string;
              errorCode: string | null;
              errorMessage: string | null;
              id: string;
              providerId: string | null;
              /** @enum {string} */
              purpose: 'message' | 'opt_out_confirmation';
              scheduledFor: string | null;
              scheduledZone: string | null;
              segments: number | null;
              status: components['schemas']['MessageStatus'];
              templateId: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/outreach/messages/{id}/sent-by-hand': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A manual channel's message was sent by hand (audited) */
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
            'application/json': {
              body?: string;
              channelId: string | null;
              conversationId: string;
              createdAt: string;
              errorCode: string | null;
              errorMessage: string | null;
              id: string;
              providerId: string | null;
              /** @enum {string} */
              purpose: 'message' | 'opt_out_confirmation';
              scheduledFor: string | null;
              scheduledZone: string | null;
              segments: number | null;
              status: components['schemas']['MessageStatus'];
              templateId: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/outreach/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Characters, encoding, SMS segments and first-message safety hits of a text */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default true */
            firstMessage?: boolean;
            /** @enum {string} */
            language?: 'nl' | 'en' | 'de' | 'fr' | 'es' | 'ro' | 'pl' | 'hu' | 'bg';
            text: string;
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
            'application/json': {
              characters: number;
              /** @enum {string} */
              encoding: 'GSM-7' | 'UCS-2';
              nonGsmChars: string[];
              perSegment: number;
              remainingInSegment: number;
              safetyHits: {
                /** @enum {string} */
                category:
                  | 'trafficking'
                  | 'exploitation'
                  | 'police'
                  | 'authorities'
                  | 'victim'
                  | 'help'
                  | 'help_organisation'
                  | 'shelter'
                  | 'rescue'
                  | 'report'
                  | 'social_worker'
                  | 'ngo'
                  | 'exit'
                  | 'organisation'
                  | 'custom';
                end: number;
                /** @enum {string|null} */
                language: 'nl' | 'en' | 'de' | 'fr' | 'es' | 'ro' | 'pl' | 'hu' | 'bg' | null;
                start: number;
                term: string;
                text: string;
                why: string;
              }[];
              segments: number;
              units: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/outreach/quick-replies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The organisation's quick replies, per language */
    get: {
      parameters: {
        query?: {
          language?: 'nl' | 'en' | 'de' | 'fr' | 'es' | 'ro' | 'pl' | 'hu' | 'bg';
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
            'application/json': {
              items: {
                createdAt: string;
                createdBy: string | null;
                id: string;
                language: string;
                text: string;
                title: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** A new quick reply */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            language: 'nl' | 'en' | 'de' | 'fr' | 'es' | 'ro' | 'pl' | 'hu' | 'bg';
            text: string;
            title: string;
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
            'application/json': {
              createdAt: string;
              createdBy: string | null;
              id: string;
              language: string;
              text: string;
              title: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/outreach/quick-replies/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Removes a quick reply (its author or a supervisor) */
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
            'application/json': {
              ok: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/outreach/shared-number-names': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A supervisor allows templates with a name for a number several names share */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            entityId: string;
            /** Format: uuid */
            identifierId: string;
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/outreach/templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Templates with encoding, segments, warnings and safety hits */
    get: {
      parameters: {
        query?: {
          language?: 'nl' | 'en' | 'de' | 'fr' | 'es' | 'ro' | 'pl' | 'hu' | 'bg';
          status?: 'draft' | 'approved' | 'retired' | 'all';
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
            'application/json': {
              items: {
                approvedAt: string | null;
                approvedBy: string | null;
                createdAt: string;
                createdBy: string | null;
                editedBy: string[];
                fallbacks: {
                  city?: string | null;
                  displayName?: string | null;
                };
                id: string;
                /** @enum {string} */
                language: 'nl' | 'en' | 'de' | 'fr' | 'es' | 'ro' | 'pl' | 'hu' | 'bg';
                name: string;
                purpose: components['schemas']['TemplatePurpose'];
                retiredAt: string | null;
                retiredBy: string | null;
                safetyConfirmedBy: string | null;
                safetyHits: {
                  /** @enum {string} */
                  category:
                    | 'trafficking'
                    | 'exploitation'
                    | 'police'
                    | 'authorities'
                    | 'victim'
                    | 'help'
                    | 'help_organisation'
                    | 'shelter'
                    | 'rescue'
                    | 'report'
                    | 'social_worker'
                    | 'ngo'
                    | 'exit'
                    | 'organisation'
                    | 'custom';
                  end: number;
                  /** @enum {string|null} */
                  language: 'nl' | 'en' | 'de' | 'fr' | 'es' | 'ro' | 'pl' | 'hu' | 'bg' | null;
                  start: number;
                  term: string;
                  text: string;
                  variant: number;
                  why: string;
                }[];
                status: components['schemas']['TemplateStatus'];
                updatedAt: string;
                variants: {
                  characters: number;
                  /** @enum {string} */
                  encoding: 'GSM-7' | 'UCS-2';
                  segments: number;
                  text: string;
                }[];
                warnings: {
                  /** @enum {string} */
                  code:
                    'placeholder_mid_sentence' | 'not_gsm' | 'several_segments' | 'single_variant';
                  message: string;
                  variant: number | null;
                }[];
                whatsappTemplate: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** A new draft template */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            [key: string]: unknown;
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
            'application/json': {
              approvedAt: string | null;
              approvedBy: string | null;
              createdAt: string;
              createdBy: string | null;
              editedBy: string[];
              fallbacks: {
                city?: string | null;
                displayName?: string | null;
              };
              id: string;
              /** @enum {string} */
              language: 'nl' | 'en' | 'de' | 'fr' | 'es' | 'ro' | 'pl' | 'hu' | 'bg';
              name: string;
              purpose: components['schemas']['TemplatePurpose'];
              retiredAt: string | null;
              retiredBy: string | null;
              safetyConfirmedBy: string | null;
              safetyHits: {
                /** @enum {string} */
                category:
                  | 'trafficking'
                  | 'exploitation'
                  | 'police'
                  | 'authorities'
                  | 'victim'
                  | 'help'
                  | 'help_organisation'
                  | 'shelter'
                  | 'rescue'
                  | 'report'
                  | 'social_worker'
                  | 'ngo'
                  | 'exit'
                  | 'organisation'
                  | 'custom';
                end: number;
                /** @enum {string|null} */
                language: 'nl' | 'en' | 'de' | 'fr' | 'es' | 'ro' | 'pl' | 'hu' | 'bg' | null;
                start: number;
                term: string;
                text: string;
                variant: number;
                why: string;
              }[];
              status: components['schemas']['TemplateStatus'];
              updatedAt: string;
              variants: {
                characters: number;
                /** @enum {string} */
                encoding: 'GSM-7' | 'UCS-2';
                segments: number;
                text: string;
              }[];
              warnings: {
                /** @enum {string} */
                code:
                  'placeholder_mid_sentence' | 'not_gsm' | 'several_segments' | 'single_variant';
                message: string;
                variant: number | null;
              }[];
              whatsappTemplate: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/outreach/templates/{id}': {
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
    /** Changes a draft's text */
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
          'application/json': {
            [key: string]: unknown;
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
            'application/json': {
              approvedAt: string | null;
              approvedBy: string | null;
              createdAt: string;
              createdBy: string | null;
              editedBy: string[];
              fallbacks: {
                city?: string | null;
                displayName?: string | null;
              };
              id: string;
              /** @enum {string} */
              language: 'nl' | 'en' | 'de' | 'fr' | 'es' | 'ro' | 'pl' | 'hu' | 'bg';
              name: string;
              purpose: components['schemas']['TemplatePurpose'];
              retiredAt: string | null;
              retiredBy: string | null;
              safetyConfirmedBy: string | null;
              safetyHits: {
                /** @enum {string} */
                category:
                  | 'trafficking'
                  | 'exploitation'
                  | 'police'
                  | 'authorities'
                  | 'victim'
                  | 'help'
                  | 'help_organisation'
                  | 'shelter'
                  | 'rescue'
                  | 'report'
                  | 'social_worker'
                  | 'ngo'
                  | 'exit'
                  | 'organisation'
                  | 'custom';
                end: number;
                /** @enum {string|null} */
                language: 'nl' | 'en' | 'de' | 'fr' | 'es' | 'ro' | 'pl' | 'hu' | 'bg' | null;
                start: number;
                term: string;
                text: string;
                variant: number;
                why: string;
              }[];
              status: components['schemas']['TemplateStatus'];
              updatedAt: string;
              variants: {
                characters: number;
                /** @enum {string} */
                encoding: 'GSM-7' | 'UCS-2';
                segments: number;
                text: string;
              }[];
              warnings: {
                /** @enum {string} */
                code:
                  'placeholder_mid_sentence' | 'not_gsm' | 'several_segments' | 'single_variant';
                message: string;
                variant: number | null;
              }[];
              whatsappTemplate: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/outreach/templates/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approves a draft (a supervisor; safety hits must be confirmed) */
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
          'application/json': {
            /** @default false */
            confirmSafety?: boolean;
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
            'application/json': {
              approvedAt: string | null;
              approvedBy: string | null;
              createdAt: string;
              createdBy: string | null;
              editedBy: string[];
              fallbacks: {
                city?: string | null;
                displayName?: string | null;
              };
              id: string;
              /** @enum {string} */
              language: 'nl' | 'en' | 'de' | 'fr' | 'es' | 'ro' | 'pl' | 'hu' | 'bg';
              name: string;
              purpose: components['schemas']['TemplatePurpose'];
              retiredAt: string | null;
              retiredBy: string | null;
              safetyConfirmedBy: string | null;
              safetyHits: {
                /** @enum {string} */
                category:
                  | 'trafficking'
                  | 'exploitation'
                  | 'police'
                  | 'authorities'
                  | 'victim'
                  | 'help'
                  | 'help_organisation'
                  | 'shelter'
                  | 'rescue'
                  | 'report'
                  | 'social_worker'
                  | 'ngo'
                  | 'exit'
                  | 'organisation'
                  | 'custom';
                end: number;
                /** @enum {string|null} */
                language: 'nl' | 'en' | 'de' | 'fr' | 'es' | 'ro' | 'pl' | 'hu' | 'bg' | null;
                start: number;
                term: string;
                text: string;
                variant: number;
                why: string;
              }[];
              status: components['schemas']['TemplateStatus'];
              updatedAt: string;
              variants: {
                characters: number;
                /** @enum {string} */
                encoding: 'GSM-7' | 'UCS-2';
                segments: number;
                text: string;
              }[];
              warnings: {
                /** @enum {string} */
                code:
                  'placeholder_mid_sentence' | 'not_gsm' | 'several_segments' | 'single_variant';
                message: string;
                variant: number | null;
              }[];
              whatsappTemplate: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/outreach/templates/{id}/retire': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Retires a template */
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
            'application/json': {
              approvedAt: string | null;
              approvedBy: string | null;
              createdAt: string;
              createdBy: string | null;
              editedBy: string[];
              fallbacks: {
                city?: string | null;
                displayName?: string | null;
              };
              id: string;
              /** @enum {string} */
              language: 'nl' | 'en' | 'de' | 'fr' | 'es' | 'ro' | 'pl' | 'hu' | 'bg';
              name: string;
              purpose: components['schemas']['TemplatePurpose'];
              retiredAt: string | null;
              retiredBy: string | null;
              safetyConfirmedBy: string | null;
              safetyHits: {
                /** @enum {string} */
                category:
                  | 'trafficking'
                  | 'exploitation'
                  | 'police'
                  | 'authorities'
                  | 'victim'
                  | 'help'
                  | 'help_organisation'
                  | 'shelter'
                  | 'rescue'
                  | 'report'
                  | 'social_worker'
                  | 'ngo'
                  | 'exit'
                  | 'organisation'
                  | 'custom';
                end: number;
                /** @enum {string|null} */
                language: 'nl' | 'en' | 'de' | 'fr' | 'es' | 'ro' | 'pl' | 'hu' | 'bg' | null;
                start: number;
                term: string;
                text: string;
                variant: number;
                why: string;
              }[];
              status: components['schemas']['TemplateStatus'];
              updatedAt: string;
              variants: {
                characters: number;
                /** @enum {string} */
                encoding: 'GSM-7' | 'UCS-2';
                segments: number;
                text: string;
              }[];
              warnings: {
                /** @enum {string} */
                code:
                  'placeholder_mid_sentence' | 'not_gsm' | 'several_segments' | 'single_variant';
                message: string;
                variant: number | null;
              }[];
              whatsappTemplate: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/partner-orgs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Partner organisations */
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
            'application/json': {
              partnerOrgs: {
                id: string;
                name: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Add a partner organisation */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
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
            'application/json': {
              partnerOrg: {
                id: string;
                name: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/partner/referrals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Referrals to the partner user's organisation (nothing shared in the list) */
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
            'application/json': {
              items: components['schemas']['PartnerReferral'][];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/partner/referrals/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Opens one referral: what was shared, while it is open (audited) */
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
            'application/json': components['schemas']['PartnerReferral'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/partner/referrals/{id}/answer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accepts or declines (with a reason), or reports an outcome */
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
          'application/json': {
            note?: string;
            state: components['schemas']['ReferralStateInput'];
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
            'application/json': components['schemas']['PartnerReferral'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/partners': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The partner directory with filters (a partner user: their own organisation's entry) */
    get: {
      parameters: {
        query?: {
          active?: 'yes' | 'no';
          capacity?: 'open' | 'waiting_list' | 'full' | 'unknown';
          kind?:
            | 'shelter'
            | 'health'
            | 'mental_health'
            | 'legal_aid'
            | 'debt_help'
            | 'migration'
            | 'return'
            | 'social_services'
            | 'youth_care'
            | 'child_protection'
            | 'police';
          q?: string;
          region?:
            | 'Groningen'
            | 'Friesland'
            | 'Drenthe'
            | 'Overijssel'
            | 'Flevoland'
            | 'Gelderland'
            | 'Utrecht'
            | 'Noord-Holland'
            | 'Zuid-Holland'
            | 'Zeeland'
            | 'Noord-Brabant'
            | 'Limburg';
          service?:
            | 'safety'
            | 'shelter'
            | 'housing'
            | 'medical'
            | 'sexual_health'
            | 'psychological'
            | 'legal'
            | 'financial_debt'
            | 'language'
            | 'residence_status'
            | 'return';
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
            'application/json': {
              items: components['schemas']['Partner'][];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Adds an organisation to the directory (supervisor, admin; audited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @default null
             */
            accountOrgId?: string | null;
            profile: {
              /** @default false */
              acceptsMinors?: boolean;
              /** @default true */
              acceptsPregnant?: boolean;
              /** @default true */
              active?: boolean;
              /**
               * @default null
               * @enum {string|null}
               */
              capacity?: 'open' | 'waiting_list' | 'full' | null;
              /**
               * Format: date-time
               * @default null
               */
              capacityConfirmedAt?: string | null;
              genders?: ('women' | 'men' | 'trans' | 'non_binary')[];
              /** @default null */
              intakeHours?: string | null;
              /** @default false */
              interpretation?: boolean;
              /** @enum {string} */
              kind:
                | 'shelter'
                | 'health'
                | 'mental_health'
                | 'legal_aid'
                | 'debt_help'
                | 'migration'
                | 'return'
                | 'social_services'
                | 'youth_care'
                | 'child_protection'
                | 'police';
              languages?: string[];
              /** @default null */
              maxAge?: number | null;
              /** @default null */
              minAge?: number | null;
              municipalities?: string[];
              name: string;
              /** @default null */
              placeId?: string | null;
              /** @enum {string} */
              referralChannel: 'account' | 'secure_link';
              regions?: (
                | 'Groningen'
                | 'Friesland'
                | 'Drenthe'
                | 'Overijssel'
                | 'Flevoland'
                | 'Gelderland'
                | 'Utrecht'
                | 'Noord-Holland'
                | 'Zuid-Holland'
                | 'Zeeland'
                | 'Noord-Brabant'
                | 'Limburg'
              )[];
              residenceStatuses?: (
                'any' | 'eu_citizen' | 'residence_permit' | 'asylum_seeker' | 'undocumented'
              )[];
              /** @default null */
              secureLinkContact?: string | null;
              services: (
                | 'safety'
                | 'shelter'
                | 'housing'
                | 'medical'
                | 'sexual_health'
                | 'psychological'
                | 'legal'
                | 'financial_debt'
                | 'language'
                | 'residence_status'
                | 'return'
              )[];
            };
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
            'application/json': components['schemas']['Partner'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/partners.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The directory as CSV, the columns import reads (audited) */
    get: {
      parameters: {
        query?: {
          active?: 'yes' | 'no';
          capacity?: 'open' | 'waiting_list' | 'full' | 'unknown';
          kind?:
            | 'shelter'
            | 'health'
            | 'mental_health'
            | 'legal_aid'
            | 'debt_help'
            | 'migration'
            | 'return'
            | 'social_services'
            | 'youth_care'
            | 'child_protection'
            | 'police';
          q?: string;
          region?:
            | 'Groningen'
            | 'Friesland'
            | 'Drenthe'
            | 'Overijssel'
            | 'Flevoland'
            | 'Gelderland'
            | 'Utrecht'
            | 'Noord-Holland'
            | 'Zuid-Holland'
            | 'Zeeland'
            | 'Noord-Brabant'
            | 'Limburg';
          service?:
            | 'safety'
            | 'shelter'
            | 'housing'
            | 'medical'
            | 'sexual_health'
            | 'psychological'
            | 'legal'
            | 'financial_debt'
            | 'language'
            | 'residence_status'
            | 'return';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One line per organisation, with a header line */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/partners/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One organisation of the directory */
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
            'application/json': components['schemas']['Partner'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Replaces an organisation's entry (supervisor, admin; audited) */
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
          'application/json': {
            /**
             * Format: uuid
             * @default null
             */
            accountOrgId?: string | null;
            profile: {
              /** @default false */
              acceptsMinors?: boolean;
              /** @default true */
              acceptsPregnant?: boolean;
              /** @default true */
              active?: boolean;
              /**
               * @default null
               * @enum {string|null}
               */
              capacity?: 'open' | 'waiting_list' | 'full' | null;
              /**
               * Format: date-time
               * @default null
               */
              capacityConfirmedAt?: string | null;
              genders?: ('women' | 'men' | 'trans' | 'non_binary')[];
              /** @default null */
              intakeHours?: string | null;
              /** @default false */
              interpretation?: boolean;
              /** @enum {string} */
              kind:
                | 'shelter'
                | 'health'
                | 'mental_health'
                | 'legal_aid'
                | 'debt_help'
                | 'migration'
                | 'return'
                | 'social_services'
                | 'youth_care'
                | 'child_protection'
                | 'police';
              languages?: string[];
              /** @default null */
              maxAge?: number | null;
              /** @default null */
              minAge?: number | null;
              municipalities?: string[];
              name: string;
              /** @default null */
              placeId?: string | null;
              /** @enum {string} */
              referralChannel: 'account' | 'secure_link';
              regions?: (
                | 'Groningen'
                | 'Friesland'
                | 'Drenthe'
                | 'Overijssel'
                | 'Flevoland'
                | 'Gelderland'
                | 'Utrecht'
                | 'Noord-Holland'
                | 'Zuid-Holland'
                | 'Zeeland'
                | 'Noord-Brabant'
                | 'Limburg'
              )[];
              residenceStatuses?: (
                'any' | 'eu_citizen' | 'residence_permit' | 'asylum_seeker' | 'undocumented'
              )[];
              /** @default null */
              secureLinkContact?: string | null;
              services: (
                | 'safety'
                | 'shelter'
                | 'housing'
                | 'medical'
                | 'sexual_health'
                | 'psychological'
                | 'legal'
                | 'financial_debt'
                | 'language'
                | 'residence_status'
                | 'return'
              )[];
            };
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
            'application/json': components['schemas']['Partner'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/partners/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Imports a CSV file (JSON {csv} or a text/csv body): all rows or none; 422 lists every bad row */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            csv: string;
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
            'application/json': {
              imported: number;
              updated: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                /** @enum {string} */
                code: 'import_refused';
                message: string;
                rows: components['schemas']['CsvRowError'][];
                text: components['schemas']['ErrorText'];
              };
            };
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
  '/api/partners/match': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ranks the active organisations for a case profile, with the reasons each fits or does not */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            age?: number;
            /** @enum {string} */
            gender?: 'women' | 'men' | 'trans' | 'non_binary';
            kinds?: (
              | 'shelter'
              | 'health'
              | 'mental_health'
              | 'legal_aid'
              | 'debt_help'
              | 'migration'
              | 'return'
              | 'social_services'
              | 'youth_care'
              | 'child_protection'
              | 'police'
            )[];
            /** @default [] */
            languages?: string[];
            lat?: number;
            lon?: number;
            minor?: boolean;
            needs: (
              | 'safety'
              | 'shelter'
              | 'housing'
              | 'medical'
              | 'sexual_health'
              | 'psychological'
              | 'legal'
              | 'financial_debt'
              | 'language'
              | 'residence_status'
              | 'return'
            )[];
            placeId?: string;
            pregnant?: boolean;
            /** @enum {string} */
            residenceStatus?: 'eu_citizen' | 'residence_permit' | 'asylum_seeker' | 'undocumented';
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
            'application/json': {
              items: components['schemas']['PartnerMatch'][];
              place: {
                municipalityId: string | null;
                province: string | null;
              } | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/referrals/{id}/code-delivered': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Marks the secure link's code as passed on over the second channel */
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
            'application/json': components['schemas']['WorkerReferral'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/referrals/{id}/link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Issues a new secure link and code (the old link dies); shown once */
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
            'application/json': components['schemas']['IssuedSecureLink'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/referrals/{id}/remind': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Records that the worker chased the organisation for an answer */
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
            'application/json': components['schemas']['WorkerReferral'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/referrals/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revokes a referral: the partner's access ends at once */
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
            'application/json': components['schemas']['WorkerReferral'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/saved-searches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My saved searches */
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
            'application/json': {
              createdAt: string;
              filters: {
                [key: string]: ((string | number | boolean) | null) | string[];
              };
              id: string;
              name: string;
              newMatches: number;
              /** @enum {string} */
              target: 'ads' | 'leads';
            }[];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Save a search over ads or leads */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                filters: {
                  city?: string;
                  /** Format: date-time */
                  from?: string;
                  language?: string;
                  q?: string;
                  source?: string;
                  /** @enum {string} */
                  status?: 'active' | 'gone';
                  /** Format: date-time */
                  to?: string;
                };
                name: string;
                /** @enum {string} */
                target: 'ads';
              }
            | {
                filters: {
                  assignee?: string;
                  exploitation?: string;
                  flag?: string;
                  includeSnoozed?: string;
                  language?: string;
                  maxScore?: number;
                  minScore?: number;
                  place?: string;
                  q?: string;
                  /** @default open */
                  state?:
                    | (
                        | 'new'
                        | 'in_review'
                        | 'contact_planned'
                        | 'contacted'
                        | 'no_action'
                        | 'closed'
                      )
                    | 'open'
                    | 'all';
                };
                name: string;
                /** @enum {string} */
                target: 'leads';
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
            'application/json': {
              createdAt: string;
              filters: {
                [key: string]: ((string | number | boolean) | null) | string[];
              };
              id: string;
              name: string;
              newMatches: number;
              /** @enum {string} */
              target: 'ads' | 'leads';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/saved-searches/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a saved search */
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
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/saved-searches/{id}/open': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The new matches of a saved search; marks them seen */
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
            'application/json': {
              hits: {
                at: string;
                itemId: string;
                seen: boolean;
              }[];
              search: {
                createdAt: string;
                filters: {
                  [key: string]: ((string | number | boolean) | null) | string[];
                };
                id: string;
                name: string;
                newMatches: number;
                /** @enum {string} */
                target: 'ads' | 'leads';
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/saved-searches/alerts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** New matches over my saved searches (the alert badge) */
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
            'application/json': {
              searches: {
                id: string;
                name: string;
                newMatches: number;
              }[];
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/score/model': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The active score model: every weight with its reasoning */
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
            'application/json': {
              active: boolean;
              createdAt: string;
              createdBy: string | null;
              model: {
                /**
                 * @default {
                 *       "factor": 0,
                 *       "why": {
                 *         "en": "Text that a site repeats across most of its ads, behind many unrelated numbers (a footer, \"real photos\" on every ad), is the site's, not the advertiser's: it says nothing about the person behind one ad, and scoring it gave every entity on such a site the same points before anything was known about it.",
                 *         "nl": "Tekst die een site in de meeste van haar advertenties herhaalt, achter veel verschillende nummers (een voettekst, \"echte foto's\" in elke advertentie), is van de site, niet van de adverteerder: hij zegt niets over de persoon achter één advertentie, en wie hem meetelde gaf elke entiteit op zo'n site dezelfde punten voordat er iets over bekend was."
                 *       }
                 *     }
                 */
                boilerplate: {
                  factor: number;
                  why:
                    | string
                    | {
                        en: string;
                        nl?: string;
                      };
                };
                categoryFlags: {
                  [key: string]:
                    | 'targets_young'
                    | 'obfuscation'
                    | 'third_party'
                    | 'recruitment'
                    | 'shared_number'
                    | 'template'
                    | 'image_reuse'
                    | 'moving'
                    | 'multiple_ages'
                    | 'high_volume';
                };
                description: string;
                features: {
                  /** @enum {string} */
                  evidence: 'validated' | 'practitioner' | 'contested';
                  /** @enum {string} */
                  feature:
                    | 'ads'
                    | 'activeAds'
                    | 'displayNames'
                    | 'cities'
                    | 'cities14d'
                    | 'postingRatePerWeek'
                    | 'phones'
                    | 'namesPerNumber'
                    | 'templateAds'
                    | 'templateEntities'
                    | 'sharedImages'
                    | 'imageEntities'
                    | 'obfuscatedContacts'
                    | 'statedAges'
                    | 'languages';
                  /** @enum {string} */
                  flag?:
                    | 'targets_young'
                    | 'obfuscation'
                    | 'third_party'
                    | 'recruitment'
                    | 'shared_number'
                    | 'template'
                    | 'image_reuse'
                    | 'moving'
                    | 'multiple_ages'
                    | 'high_volume';
                  label:
                    | string
                    | {
                        en: string;
                        nl?: string;
                      };
                  /** @enum {string} */
                  measure: 'value' | 'distinct';
                  source: string;
                  tiers: {
                    atLeast: number;
                    points: number;
                  }[];
                  why:
                    | string
                    | {
                        en: string;
                        nl?: string;
                      };
                }[];
                /** @enum {string} */
                format: 'ariadne.score-model/1';
                indicators: {
                  categoryCaps: {
                    [key: string]: {
                      cap: number;
                      why:
                        | string
                        | {
                            en: string;
                            nl?: string;
                          };
                    };
                  };
                  defaultCap: {
                    cap: number;
                    why:
                      | string
                      | {
                          en: string;
                          nl?: string;
                        };
                  };
                  entityAggregation: {
                    /** @enum {string} */
                    perCode: 'best';
                    why:
                      | string
                      | {
                          en: string;
                          nl?: string;
                        };
                  };
                  evidenceFactors: {
                    contested: {
                      /** @enum {number} */
                      factor: 0;
                      why:
                        | string
                        | {
                            en: string;
                            nl?: string;
                          };
                    };
                    practitioner: {
                      factor: number;
                      why:
                        | string
                        | {
                            en: string;
                            nl?: string;
                          };
                    };
                    validated: {
                      factor: number;
                      why:
                        | string
                        | {
                            en: string;
                            nl?: string;
                          };
                    };
                  };
                  maxHits: number;
                  overrides: {
                    [key: string]: {
                      points: number;
                      why:
                        | string
                        | {
                            en: string;
                            nl?: string;
                          };
                    };
                  };
                };
                leadThreshold: number;
                leadThresholdByType?: {
                  [key: string]: {
                    threshold: number;
                    why:
                      | string
                      | {
                          en: string;
                          nl?: string;
                        };
                  };
                };
                leadThresholdWhy:
                  | string
                  | {
                      en: string;
                      nl?: string;
                    };
                name: string;
                urgent: {
                  categories: (
                    | 'possible_minor'
                    | 'trust_language'
                    | 'ethnicity'
                    | 'obfuscation'
                    | 'third_party'
                    | 'movement'
                    | 'restricted_movement'
                    | 'always_available'
                    | 'unsafe_services'
                    | 'low_price'
                    | 'multiple_people'
                    | 'language_barrier'
                    | 'recruitment'
                    | 'screening'
                    | 'crude_language'
                    | 'easy_money'
                    | 'account_lending'
                    | 'drug_running'
                    | 'travel_paid'
                    | 'no_questions'
                    | 'targets_young'
                    | 'private_app'
                  )[];
                  exceptCodes: {
                    code: string;
                    why:
                      | string
                      | {
                          en: string;
                          nl?: string;
                        };
                  }[];
                  /** @enum {boolean} */
                  minorAge: true;
                  why:
                    | string
                    | {
                        en: string;
                        nl?: string;
                      };
                };
              };
              note: string;
              version: number;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/score/models': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every version of the score model, newest first, with who saved it and why */
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
            'application/json': {
              items: {
                active: boolean;
                createdAt: string;
                createdBy: string | null;
                model: {
                  /**
                   * @default {
                   *       "factor": 0,
                   *       "why": {
                   *         "en": "Text that a site repeats across most of its ads, behind many unrelated numbers (a footer, \"real photos\" on every ad), is the site's, not the advertiser's: it says nothing about the person behind one ad, and scoring it gave every entity on such a site the same points before anything was known about it.",
                   *         "nl": "Tekst die een site in de meeste van haar advertenties herhaalt, achter veel verschillende nummers (een voettekst, \"echte foto's\" in elke advertentie), is van de site, niet van de adverteerder: hij zegt niets over de persoon achter één advertentie, en wie hem meetelde gaf elke entiteit op zo'n site dezelfde punten voordat er iets over bekend was."
                   *       }
                   *     }
                   */
                  boilerplate: {
                    factor: number;
                    why:
                      | string
                      | {
                          en: string;
                          nl?: string;
                        };
                  };
                  categoryFlags: {
                    [key: string]:
                      | 'targets_young'
                      | 'obfuscation'
                      | 'third_party'
                      | 'recruitment'
                      | 'shared_number'
                      | 'template'
                      | 'image_reuse'
                      | 'moving'
                      | 'multiple_ages'
                      | 'high_volume';
                  };
                  description: string;
                  features: {
                    /** @enum {string} */
                    evidence: 'validated' | 'practitioner' | 'contested';
                    /** @enum {string} */
                    feature:
                      | 'ads'
                      | 'activeAds'
                      | 'displayNames'
                      | 'cities'
                      | 'cities14d'
                      | 'postingRatePerWeek'
                      | 'phones'
                      | 'namesPerNumber'
                      | 'templateAds'
                      | 'templateEntities'
                      | 'sharedImages'
                      | 'imageEntities'
                      | 'obfuscatedContacts'
                      | 'statedAges'
                      | 'languages';
                    /** @enum {string} */
                    flag?:
                      | 'targets_young'
                      | 'obfuscation'
                      | 'third_party'
                      | 'recruitment'
                      | 'shared_number'
                      | 'template'
                      | 'image_reuse'
                      | 'moving'
                      | 'multiple_ages'
                      | 'high_volume';
                    label:
                      | string
                      | {
                          en: string;
                          nl?: string;
                        };
                    /** @enum {string} */
                    measure: 'value' | 'distinct';
                    source: string;
                    tiers: {
                      atLeast: number;
                      points: number;
                    }[];
                    why:
                      | string
                      | {
                          en: string;
                          nl?: string;
                        };
                  }[];
                  /** @enum {string} */
                  format: 'ariadne.score-model/1';
                  indicators: {
                    categoryCaps: {
                      [key: string]: {
                        cap: number;
                        why:
                          | string
                          | {
                              en: string;
                              nl?: string;
                            };
                      };
                    };
                    defaultCap: {
                      cap: number;
                      why:
                        | string
                        | {
                            en: string;
                            nl?: string;
                          };
                    };
                    entityAggregation: {
                      /** @enum {string} */
                      perCode: 'best';
                      why:
                        | string
                        | {
                            en: string;
                            nl?: string;
                          };
                    };
                    evidenceFactors: {
                      contested: {
                        /** @enum {number} */
                        factor: 0;
                        why:
                          | string
                          | {
                              en: string;
                              nl?: string;
                            };
                      };
                      practitioner: {
                        factor: number;
                        why:
                          | string
                          | {
                              en: string;
                              nl?: string;
                            };
                      };
                      validated: {
                        factor: number;
                        why:
                          | string
                          | {
                              en: string;
                              nl?: string;
                            };
                      };
                    };
                    maxHits: number;
                    overrides: {
                      [key: string]: {
                        points: number;
                        why:
                          | string
                          | {
                              en: string;
                              nl?: string;
                            };
                      };
                    };
                  };
                  leadThreshold: number;
                  leadThresholdByType?: {
                    [key: string]: {
                      threshold: number;
                      why:
                        | string
                        | {
                            en: string;
                            nl?: string;
                          };
                    };
                  };
                  leadThresholdWhy:
                    | string
                    | {
                        en: string;
                        nl?: string;
                      };
                  name: string;
                  urgent: {
                    categories: (
                      | 'possible_minor'
                      | 'trust_language'
                      | 'ethnicity'
                      | 'obfuscation'
                      | 'third_party'
                      | 'movement'
                      | 'restricted_movement'
                      | 'always_available'
                      | 'unsafe_services'
                      | 'low_price'
                      | 'multiple_people'
                      | 'language_barrier'
                      | 'recruitment'
                      | 'screening'
                      | 'crude_language'
                      | 'easy_money'
                      | 'account_lending'
                      | 'drug_running'
                      | 'travel_paid'
                      | 'no_questions'
                      | 'targets_young'
                      | 'private_app'
                    )[];
                    exceptCodes: {
                      code: string;
                      why:
                        | string
                        | {
                            en: string;
                            nl?: string;
                          };
                    }[];
                    /** @enum {boolean} */
                    minorAge: true;
                    why:
                      | string
                      | {
                          en: string;
                          nl?: string;
                        };
                  };
                };
                note: string;
                version: number;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Save a new version of the score model; it becomes active and scores are redone */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            model: unknown;
            note: string;
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
            'application/json': {
              active: boolean;
              createdAt: string;
              createdBy: string | null;
              model: {
                /**
                 * @default {
                 *       "factor": 0,
                 *       "why": {
                 *         "en": "Text that a site repeats across most of its ads, behind many unrelated numbers (a footer, \"real photos\" on every ad), is the site's, not the advertiser's: it says nothing about the person behind one ad, and scoring it gave every entity on such a site the same points before anything was known about it.",
                 *         "nl": "Tekst die een site in de meeste van haar advertenties herhaalt, achter veel verschillende nummers (een voettekst, \"echte foto's\" in elke advertentie), is van de site, niet van de adverteerder: hij zegt niets over de persoon achter één advertentie, en wie hem meetelde gaf elke entiteit op zo'n site dezelfde punten voordat er iets over bekend was."
                 *       }
                 *     }
                 */
                boilerplate: {
                  factor: number;
                  why:
                    | string
                    | {
                        en: string;
                        nl?: string;
                      };
                };
                categoryFlags: {
                  [key: string]:
                    | 'targets_young'
                    | 'obfuscation'
                    | 'third_party'
                    | 'recruitment'
                    | 'shared_number'
                    | 'template'
                    | 'image_reuse'
                    | 'moving'
                    | 'multiple_ages'
                    | 'high_volume';
                };
                description: string;
                features: {
                  /** @enum {string} */
                  evidence: 'validated' | 'practitioner' | 'contested';
                  /** @enum {string} */
                  feature:
                    | 'ads'
                    | 'activeAds'
                    | 'displayNames'
                    | 'cities'
                    | 'cities14d'
                    | 'postingRatePerWeek'
                    | 'phones'
                    | 'namesPerNumber'
                    | 'templateAds'
                    | 'templateEntities'
                    | 'sharedImages'
                    | 'imageEntities'
                    | 'obfuscatedContacts'
                    | 'statedAges'
                    | 'languages';
                  /** @enum {string} */
                  flag?:
                    | 'targets_young'
                    | 'obfuscation'
                    | 'third_party'
                    | 'recruitment'
                    | 'shared_number'
                    | 'template'
                    | 'image_reuse'
                    | 'moving'
                    | 'multiple_ages'
                    | 'high_volume';
                  label:
                    | string
                    | {
                        en: string;
                        nl?: string;
                      };
                  /** @enum {string} */
                  measure: 'value' | 'distinct';
                  source: string;
                  tiers: {
                    atLeast: number;
                    points: number;
                  }[];
                  why:
                    | string
                    | {
                        en: string;
                        nl?: string;
                      };
                }[];
                /** @enum {string} */
                format: 'ariadne.score-model/1';
                indicators: {
                  categoryCaps: {
                    [key: string]: {
                      cap: number;
                      why:
                        | string
                        | {
                            en: string;
                            nl?: string;
                          };
                    };
                  };
                  defaultCap: {
                    cap: number;
                    why:
                      | string
                      | {
                          en: string;
                          nl?: string;
                        };
                  };
                  entityAggregation: {
                    /** @enum {string} */
                    perCode: 'best';
                    why:
                      | string
                      | {
                          en: string;
                          nl?: string;
                        };
                  };
                  evidenceFactors: {
                    contested: {
                      /** @enum {number} */
                      factor: 0;
                      why:
                        | string
                        | {
                            en: string;
                            nl?: string;
                          };
                    };
                    practitioner: {
                      factor: number;
                      why:
                        | string
                        | {
                            en: string;
                            nl?: string;
                          };
                    };
                    validated: {
                      factor: number;
                      why:
                        | string
                        | {
                            en: string;
                            nl?: string;
                          };
                    };
                  };
                  maxHits: number;
                  overrides: {
                    [key: string]: {
                      points: number;
                      why:
                        | string
                        | {
                            en: string;
                            nl?: string;
                          };
                    };
                  };
                };
                leadThreshold: number;
                leadThresholdByType?: {
                  [key: string]: {
                    threshold: number;
                    why:
                      | string
                      | {
                          en: string;
                          nl?: string;
                        };
                  };
                };
                leadThresholdWhy:
                  | string
                  | {
                      en: string;
                      nl?: string;
                    };
                name: string;
                urgent: {
                  categories: (
                    | 'possible_minor'
                    | 'trust_language'
                    | 'ethnicity'
                    | 'obfuscation'
                    | 'third_party'
                    | 'movement'
                    | 'restricted_movement'
                    | 'always_available'
                    | 'unsafe_services'
                    | 'low_price'
                    | 'multiple_people'
                    | 'language_barrier'
                    | 'recruitment'
                    | 'screening'
                    | 'crude_language'
                    | 'easy_money'
                    | 'account_lending'
                    | 'drug_running'
                    | 'travel_paid'
                    | 'no_questions'
                    | 'targets_young'
                    | 'private_app'
                  )[];
                  exceptCodes: {
                    code: string;
                    why:
                      | string
                      | {
                          en: string;
                          nl?: string;
                        };
                  }[];
                  /** @enum {boolean} */
                  minorAge: true;
                  why:
                    | string
                    | {
                        en: string;
                        nl?: string;
                      };
                };
              };
              note: string;
              previousVersion: number | null;
              version: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json':
              | {
                  error: {
                    code: string;
                    issues?: {
                      message: string;
                      path: string;
                    }[];
                    message: string;
                  };
                }
              | {
                  error: {
                    code: string;
                    issues?: components['schemas']['ValidationIssue'][];
                    message: string;
                    text?: components['schemas']['ErrorText'];
                  } & {
                    [key: string]: unknown;
                  };
                };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/sources': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sources with their health */
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
            'application/json': {
              sources: {
                definition: components['schemas']['SourceDefinitionDocument'];
                enabled: boolean;
                /** @enum {string} */
                health: 'unknown' | 'ok' | 'degraded' | 'broken';
                healthDetail: {
                  at?: string;
                  fieldDrops: {
                    before: number;
                    field: string;
                    now: number;
                    sampleUrls: string[];
                  }[];
                  reasons: string[];
                  runId?: string;
                  /** @enum {string} */
                  status: 'ok' | 'degraded' | 'broken';
                } | null;
                id: string;
                name: string;
                robotsOverrideReason: string | null;
                updatedAt: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Create a source, or replace the definition of the source with the same name */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            [key: string]: unknown;
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
            'application/json': {
              created: boolean;
              source: {
                definition: components['schemas']['SourceDefinitionDocument'];
                enabled: boolean;
                /** @enum {string} */
                health: 'unknown' | 'ok' | 'degraded' | 'broken';
                healthDetail: {
                  at?: string;
                  fieldDrops: {
                    before: number;
                    field: string;
                    now: number;
                    sampleUrls: string[];
                  }[];
                  reasons: string[];
                  runId?: string;
                  /** @enum {string} */
                  status: 'ok' | 'degraded' | 'broken';
                } | null;
                id: string;
                name: string;
                robotsOverrideReason: string | null;
                updatedAt: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/sources/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One source and its recent crawls */
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
            'application/json': {
              runs: {
                adsChanged: number;
                adsFound: number;
                adsGone: number;
                adsNew: number;
                adsUnchanged: number;
                createdAt: string;
                errorsByKind: {
                  [key: string]: number;
                };
                failure: string | null;
                fieldFill: {
                  [key: string]: number;
                };
                finishedAt: string | null;
                id: string;
                message: string | null;
                pagesFetched: number;
                parseErrors: number;
                resumedFrom: string | null;
                startedAt: string | null;
                /** @enum {string} */
                status: 'queued' | 'running' | 'finished' | 'failed';
                trigger: string;
              }[];
              source: {
                definition: components['schemas']['SourceDefinitionDocument'];
                enabled: boolean;
                /** @enum {string} */
                health: 'unknown' | 'ok' | 'degraded' | 'broken';
                healthDetail: {
                  at?: string;
                  fieldDrops: {
                    before: number;
                    field: string;
                    now: number;
                    sampleUrls: string[];
                  }[];
                  reasons: string[];
                  runId?: string;
                  /** @enum {string} */
                  status: 'ok' | 'degraded' | 'broken';
                } | null;
                id: string;
                name: string;
                robotsOverrideReason: string | null;
                updatedAt: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/sources/{id}/crawl': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Crawl now (queued as a job) */
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
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              runId: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/sources/{id}/enabled': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Enable or disable scheduled crawls */
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
          'application/json': {
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
            'application/json': {
              source: {
                definition: components['schemas']['SourceDefinitionDocument'];
                enabled: boolean;
                /** @enum {string} */
                health: 'unknown' | 'ok' | 'degraded' | 'broken';
                healthDetail: {
                  at?: string;
                  fieldDrops: {
                    before: number;
                    field: string;
                    now: number;
                    sampleUrls: string[];
                  }[];
                  reasons: string[];
                  runId?: string;
                  /** @enum {string} */
                  status: 'ok' | 'degraded' | 'broken';
                } | null;
                id: string;
                name: string;
                robotsOverrideReason: string | null;
                updatedAt: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/sources/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The source definition as JSON */
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
        /** @description The definition, as a file to keep or import elsewhere */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/sources/{id}/robots-override': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Crawl despite robots.txt (admin, reason required) or lift it (null) */
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
          'application/json': {
            reason: string | null;
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
            'application/json': {
              source: {
                definition: components['schemas']['SourceDefinitionDocument'];
                enabled: boolean;
                /** @enum {string} */
                health: 'unknown' | 'ok' | 'degraded' | 'broken';
                healthDetail: {
                  at?: string;
                  fieldDrops: {
                    before: number;
                    field: string;
                    now: number;
                    sampleUrls: string[];
                  }[];
                  reasons: string[];
                  runId?: string;
                  /** @enum {string} */
                  status: 'ok' | 'degraded' | 'broken';
                } | null;
                id: string;
                name: string;
                robotsOverrideReason: string | null;
                updatedAt: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/sources/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import source definitions (one or an array) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': unknown;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              imported: string[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/staff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Active staff (not partners) work can be handed to: id, name and role only (staff; no e-mail or sign-in state) */
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
            'application/json': components['schemas']['AssignableUser'][];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** All operator accounts (admin) */
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
            'application/json': {
              users: {
                createdAt: string;
                disabled: boolean;
                displayName: string;
                email: string;
                id: string;
                language: components['schemas']['Language'];
                lastLoginAt: string | null;
                lockedUntil: string | null;
                mustChangePassword: boolean;
                partnerOrgId: string | null;
                partnerOrgName: string | null;
                role: components['schemas']['Role'];
                totpEnrolled: boolean;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Create a user; the one-time password is shown once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            displayName: string;
            email: string;
            /** Format: uuid */
            partnerOrgId?: string | null;
            /** @enum {string} */
            role: 'admin' | 'supervisor' | 'analyst' | 'outreach_worker' | 'partner';
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
            'application/json': {
              oneTimePassword: string;
              user: {
                displayName: string;
                email: string;
                id: string;
                language: components['schemas']['Language'];
                mustChangePassword: boolean;
                partnerOrgId: string | null;
                role: components['schemas']['Role'];
                totpEnrolled: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/users/{id}': {
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
    /** Change role, name, partner organisation, or disable/enable */
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
          'application/json': {
            disabled?: boolean;
            displayName?: string;
            /** Format: uuid */
            partnerOrgId?: string | null;
            /** @enum {string} */
            role?: 'admin' | 'supervisor' | 'analyst' | 'outreach_worker' | 'partner';
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
            'application/json': {
              user: {
                displayName: string;
                email: string;
                id: string;
                language: components['schemas']['Language'];
                mustChangePassword: boolean;
                partnerOrgId: string | null;
                role: components['schemas']['Role'];
                totpEnrolled: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/users/{id}/reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** New one-time password; clears two-factor enrolment and ends sessions */
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
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              oneTimePassword: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Erase the whole vault (its items, chain and everything stored): cannot be undone */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            authKey: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/vault-recipient/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A zip of every item shared with me now (copies, SHA256SUMS, manifest, VERIFY.txt); each counts as opened */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The bundle */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/zip': string;
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault-recipient/key': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My age public key for receiving shared vault items */
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
            'application/json': {
              agePublicKey: string | null;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Register my age public key (items shared with me are encrypted to it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            agePublicKey: string;
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
            'application/json': {
              agePublicKey: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault-recipient/requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask, through a case, that the person share something (never take) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            caseId: string;
            message: string;
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
            'application/json': {
              vaults: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault-recipient/share-codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A share code to give a person, so their vault may share with me (optionally for a case) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            caseId?: string;
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
            'application/json': {
              expiresAt: string;
              shareCode: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault-recipient/shares': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Items shared with me, not revoked */
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
            'application/json': {
              shares: {
                sha256: string;
                sharedAt: string;
                /** Format: uuid */
                shareId: string;
                size: number;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault-recipient/shares/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open a shared item (its age file, encrypted to my key); the owner sees each opening */
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
        /** @description The copy, an age file encrypted to my key */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/octet-stream': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault/auth-params': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The salts to derive the auth key with (made-up ones for an unknown id) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            vaultId: string;
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
            'application/json': {
              authSalt: string;
              kdf: {
                dkLen: number;
                N: number;
                p: number;
                r: number;
              };
              recoverySalt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault/chain': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The vault’s hash chain */
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
            'application/json': {
              entries: {
                at: string;
                canonical: string;
                hash: string;
                /** @enum {string} */
                kind: 'created' | 'added' | 'shared' | 'share-revoked' | 'deleted';
                prevHash: string;
                seq: number;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The export bundle (zip): age files, manifest, chain, time-stamps, VERIFY.txt */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The bundle */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/zip': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The vault’s items */
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
            'application/json': {
              items: {
                addedAt: string;
                /** Format: uuid */
                itemId: string;
                seq: number;
                sha256: string;
                size: number;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault/items/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An item’s age file */
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
        /** @description The age file, as uploaded */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/octet-stream': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete an item: recorded in the chain, its ciphertext and shared copies removed */
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
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/vault/items/{id}/manifest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An item’s encrypted manifest */
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
        /** @description The manifest, an age file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/octet-stream': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault/lock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Lock: ends the session and clears what the browser kept */
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
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
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
  '/api/vault/passphrase': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a new passphrase (new salt, auth key and wrapped identity); other sessions end */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            authKey: string;
            authSalt: string;
            passphraseWrappedIdentity: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault/recipients': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The people this vault may share with (only those whose code the owner entered) */
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
            'application/json': {
              recipients: {
                addedAt: string;
                agePublicKey: string;
                displayName: string;
                /** Format: uuid */
                recipientId: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Add a recipient with the share code they gave the person */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            shareCode: string;
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
            'application/json': {
              addedAt: string;
              agePublicKey: string;
              displayName: string;
              /** Format: uuid */
              recipientId: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault/requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Requests to share, from workers this vault added */
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
            'application/json': {
              requests: {
                createdAt: string;
                message: string;
                /** Format: uuid */
                recipientId: string;
                recipientName: string;
                /** Format: uuid */
                requestId: string;
                /** @enum {string} */
                status: 'open' | 'answered' | 'declined';
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault/requests/{id}/answer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark a request answered or declined */
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
          'application/json': {
            /** @enum {string} */
            status: 'answered' | 'declined';
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The vault’s settings */
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
            'application/json': {
              wipeAfter: number | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Set or clear the wipe after N wrong attempts */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            wipeAfter: number | null;
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
            'application/json': {
              wipeAfter: number | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/vault/shares': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every share, with each time its recipient opened it */
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
            'application/json': {
              shares: {
                /** Format: uuid */
                itemId: string;
                opens: string[];
                /** Format: uuid */
                recipientId: string;
                recipientName: string;
                revokedAt: string | null;
                sharedAt: string;
                /** Format: uuid */
                shareId: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Start uploading an item’s copy re-encrypted to a recipient (then chunks, then finalize) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            itemId: string;
            /** Format: uuid */
            recipientId: string;
            sha256: string;
            size: number;
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
            'application/json': {
              expiresAt: string;
              maxChunkBytes: number;
              received: number;
              size: number;
              /** @enum {string} */
              state: 'receiving' | 'finalized' | 'failed' | 'expired';
              /** Format: uuid */
              uploadId: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault/shares/{id}/finalize': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close a share’s upload (id: the upload): the share exists only if length and sha256 match */
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
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              itemId: string;
              opens: string[];
              /** Format: uuid */
              recipientId: string;
              recipientName: string;
              revokedAt: string | null;
              sharedAt: string;
              /** Format: uuid */
              shareId: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault/shares/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke a share: no further access (copies already opened cannot be recalled) */
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
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault/unlock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Unlock with the passphrase or the recovery code (throttled; may wipe if the owner chose) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            authKey: string;
            /** @enum {string} */
            method: 'passphrase' | 'recovery';
            vaultId: string;
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
            'application/json': {
              csrfToken: string;
              failedAttemptsSinceLastUnlock: number;
              idleSeconds: number;
              vaultId: string;
              wrappedIdentity: string;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault/uploads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a resumable upload of one age file (exact size and sha256 declared) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            sha256: string;
            size: number;
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
            'application/json': {
              expiresAt: string;
              maxChunkBytes: number;
              received: number;
              size: number;
              /** @enum {string} */
              state: 'receiving' | 'finalized' | 'failed' | 'expired';
              /** Format: uuid */
              uploadId: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault/uploads/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Where an upload stands (a resumed upload continues at `received`) */
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
            'application/json': {
              expiresAt: string;
              maxChunkBytes: number;
              received: number;
              size: number;
              /** @enum {string} */
              state: 'receiving' | 'finalized' | 'failed' | 'expired';
              /** Format: uuid */
              uploadId: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Send one chunk (application/octet-stream) at the offset in Upload-Offset */
    patch: {
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
            'application/json': {
              expiresAt: string;
              maxChunkBytes: number;
              received: number;
              size: number;
              /** @enum {string} */
              state: 'receiving' | 'finalized' | 'failed' | 'expired';
              /** Format: uuid */
              uploadId: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/vault/uploads/{id}/finalize': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close an upload: an item exists only if length and sha256 match */
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
          'application/json': {
            manifest: string;
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
            'application/json': {
              addedAt: string;
              /** Format: uuid */
              itemId: string;
              seq: number;
              sha256: string;
              size: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault/vaults': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a vault (no e-mail, no phone): returns its id, once, and opens it */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            authKey: string;
            authSalt: string;
            passphraseWrappedIdentity: string;
            recoveryAuthKey: string;
            recoverySalt: string;
            recoveryWrappedIdentity: string;
            wipeAfter?: number | null;
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
            'application/json': {
              csrfToken: string;
              idleSeconds: number;
              vaultId: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/vault/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Checks the chain, every item’s stored ciphertext and every time-stamp against the head it covers; names what does not hold */
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
            'application/json': {
              alteredItems: string[];
              brokenAt: number | null;
              entries: number;
              ok: boolean;
              reason: string | null;
              timestampedHeads: number;
              timestampProblems: {
                reason: string;
                seq: number;
              }[];
              timestampsUnchecked: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/api/webhooks/{channelId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** WhatsApp's subscription handshake (hub.challenge) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          channelId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The challenge, echoed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/plain': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        405: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** A provider's receipts and replies, verified by the channel's signature */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          channelId: string;
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
            'application/json': {
              /** @enum {boolean} */
              ok: true;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        405: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                issues?: components['schemas']['ValidationIssue'][];
                message: string;
                text?: components['schemas']['ErrorText'];
              } & {
                [key: string]: unknown;
              };
            };
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
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness */
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
            'application/json': {
              /** @enum {string} */
              status: 'ok';
            };
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
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: the database answers */
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
            'application/json': {
              /** @enum {string} */
              status: 'ready';
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
              };
            };
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
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AssignableUser: {
      displayName: string;
      id: string;
      role: components['schemas']['Role'];
    };
    AssignableUserInput: {
      displayName: string;
      id: string;
      role: components['schemas']['RoleInput'];
    };
    AssignmentOptions: {
      handOver: boolean;
      release: boolean;
      take: boolean;
    };
    AssignmentOptionsInput: {
      handOver: boolean;
      release: boolean;
      take: boolean;
    };
    /** @description What the action recorded; its keys differ by action */
    AuditDetails: {
      [key: string]: unknown;
    };
    /** @description What the action recorded; its keys differ by action */
    AuditDetailsInput: {
      [key: string]: unknown;
    };
    BoilerplateSpan: {
      end: number;
      /** @enum {string} */
      field: 'title' | 'body';
      start: number;
    };
    BoilerplateSpanInput: {
      end: number;
      /** @enum {string} */
      field: 'title' | 'body';
      start: number;
    };
    /** @description What the signed-in user may do */
    Capabilities: {
      actOnLeads: boolean;
      approveTemplates: boolean;
      directWork: boolean;
      editPartnerDirectory: boolean;
      editRules: boolean;
      editScoreModel: boolean;
      exchangeHtcds: boolean;
      manageChannels: boolean;
      managePartnerOrgs: boolean;
      manageSources: boolean;
      manageUsers: boolean;
      overrideRobots: boolean;
      readAds: boolean;
      readAuditLog: boolean;
      readFacts: boolean;
      readInsights: boolean;
      readQueue: boolean;
      readScoreModel: boolean;
      readTemplates: boolean;
      receiveCaseAlerts: boolean;
      revealIdentifiers: boolean;
      seeChannels: boolean;
      superviseChat: boolean;
      workCases: boolean;
      workChat: boolean;
      workOutreach: boolean;
      writeTemplates: boolean;
    };
    /** @description What the signed-in user may do */
    CapabilitiesInput: {
      actOnLeads: boolean;
      approveTemplates: boolean;
      directWork: boolean;
      editPartnerDirectory: boolean;
      editRules: boolean;
      editScoreModel: boolean;
      exchangeHtcds: boolean;
      manageChannels: boolean;
      managePartnerOrgs: boolean;
      manageSources: boolean;
      manageUsers: boolean;
      overrideRobots: boolean;
      readAds: boolean;
      readAuditLog: boolean;
      readFacts: boolean;
      readInsights: boolean;
      readQueue: boolean;
      readScoreModel: boolean;
      readTemplates: boolean;
      receiveCaseAlerts: boolean;
      revealIdentifiers: boolean;
      seeChannels: boolean;
      superviseChat: boolean;
      workCases: boolean;
      workChat: boolean;
      workOutreach: boolean;
      writeTemplates: boolean;
    };
    /** @enum {string} */
    CaseAction:
      | 'view_case'
      | 'view_notes'
      | 'write_note'
      | 'edit'
      | 'close'
      | 'reopen'
      | 'assign'
      | 'transfer'
      | 'record_consent'
      | 'withdraw_consent'
      | 'refer'
      | 'view_viewers';
    /** @enum {string} */
    CaseActionInput:
      | 'view_case'
      | 'view_notes'
      | 'write_note'
      | 'edit'
      | 'close'
      | 'reopen'
      | 'assign'
      | 'transfer'
      | 'record_consent'
      | 'withdraw_consent'
      | 'refer'
      | 'view_viewers';
    CaseHold: {
      heldAt: string;
      heldBy: string;
      id: string;
      liftedAt: string | null;
      liftedBy: string | null;
      reason: string;
    };
    CaseHoldInput: {
      heldAt: string;
      heldBy: string;
      id: string;
      liftedAt: string | null;
      liftedBy: string | null;
      reason: string;
    };
    /** @enum {string} */
    CaseNeed:
      | 'safety'
      | 'shelter'
      | 'housing'
      | 'medical'
      | 'sexual_health'
      | 'psychological'
      | 'legal'
      | 'financial_debt'
      | 'language'
      | 'residence_status'
      | 'return';
    /** @enum {string} */
    CaseNeedInput:
      | 'safety'
      | 'shelter'
      | 'housing'
      | 'medical'
      | 'sexual_health'
      | 'psychological'
      | 'legal'
      | 'financial_debt'
      | 'language'
      | 'residence_status'
      | 'return';
    /** @enum {string} */
    CaseOutcome:
      'helped' | 'referred_elsewhere' | 'declined_help' | 'lost_contact' | 'not_a_victim' | 'other';
    /** @enum {string} */
    CaseOutcomeInput:
      'helped' | 'referred_elsewhere' | 'declined_help' | 'lost_contact' | 'not_a_victim' | 'other';
    /** @enum {string} */
    CaseStatus: 'open' | 'referral' | 'in_care' | 'closed';
    /** @enum {string} */
    CaseStatusInput: 'open' | 'referral' | 'in_care' | 'closed';
    /** @enum {string} */
    ChannelKind: 'smpp' | 'cm' | 'messagebird' | 'twilio' | 'whatsapp' | 'email' | 'manual';
    /** @enum {string} */
    ChannelKindInput: 'smpp' | 'cm' | 'messagebird' | 'twilio' | 'whatsapp' | 'email' | 'manual';
    /** @description Settings of the channel's kind, secrets left out */
    ChannelSettings: {
      [key: string]: unknown;
    };
    /** @description Settings of the channel's kind, secrets left out */
    ChannelSettingsInput: {
      [key: string]: unknown;
    };
    ChatAlert: {
      acknowledgedAt: string | null;
      /** Format: uuid */
      chatId: string;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'unanswered';
      /** Format: uuid */
      operatorId: string | null;
      raisedAt: string;
    };
    ChatAlertInput: {
      acknowledgedAt: string | null;
      /** Format: uuid */
      chatId: string;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'unanswered';
      /** Format: uuid */
      operatorId: string | null;
      raisedAt: string;
    };
    ChatColleague: {
      displayName: string;
      holding: number;
      /** Format: uuid */
      id: string;
      onDuty: boolean;
      role: string;
    };
    ChatColleagueInput: {
      displayName: string;
      holding: number;
      /** Format: uuid */
      id: string;
      onDuty: boolean;
      role: string;
    };
    ChatMessageView: {
      at: string;
      body: string;
      /** Format: uuid */
      clientId?: string;
      /** @enum {string} */
      from: 'visitor' | 'operator' | 'system';
      seq: number;
    };
    ChatMessageViewInput: {
      at: string;
      body: string;
      /** Format: uuid */
      clientId?: string;
      /** @enum {string} */
      from: 'visitor' | 'operator' | 'system';
      seq: number;
    };
    ChatSummary: {
      blocked: boolean;
      endedAt: string | null;
      /** @enum {string|null} */
      endReason: 'visitor_left' | 'resolved' | 'referred' | 'abusive' | 'timeout' | null;
      /** Format: uuid */
      id: string;
      language: string;
      lastSeq: number;
      /** Format: uuid */
      operatorId: string | null;
      operatorName: string | null;
      operatorReadSeq: number;
      queuedAt: string;
      returnedCount: number;
      /** @enum {string} */
      state: 'queued' | 'active' | 'ended';
      takenAt: string | null;
      triage: {
        /** @enum {string} */
        ageGroup?: 'under_18' | '18_23' | '24_plus';
        /** @enum {string} */
        safeNow?: 'yes' | 'no' | 'unsure';
        /** @enum {string} */
        topic?: 'sex_work' | 'work_or_money' | 'relationship' | 'online' | 'other';
      };
      unansweredSince: string | null;
      /** @enum {string} */
      urgency: 'not_safe' | 'minor' | 'unsure' | 'other';
      visitorReadSeq: number;
    };
    ChatSummaryInput: {
      blocked: boolean;
      endedAt: string | null;
      /** @enum {string|null} */
      endReason: 'visitor_left' | 'resolved' | 'referred' | 'abusive' | 'timeout' | null;
      /** Format: uuid */
      id: string;
      language: string;
      lastSeq: number;
      /** Format: uuid */
      operatorId: string | null;
      operatorName: string | null;
      operatorReadSeq: number;
      queuedAt: string;
      returnedCount: number;
      /** @enum {string} */
      state: 'queued' | 'active' | 'ended';
      takenAt: string | null;
      triage: {
        /** @enum {string} */
        ageGroup?: 'under_18' | '18_23' | '24_plus';
        /** @enum {string} */
        safeNow?: 'yes' | 'no' | 'unsure';
        /** @enum {string} */
        topic?: 'sex_work' | 'work_or_money' | 'relationship' | 'online' | 'other';
      };
      unansweredSince: string | null;
      /** @enum {string} */
      urgency: 'not_safe' | 'minor' | 'unsure' | 'other';
      visitorReadSeq: number;
    };
    /** @enum {string} */
    ConsentScope: 'contact_again' | 'keep_data' | 'share_with_org';
    /** @enum {string} */
    ConsentScopeInput: 'contact_again' | 'keep_data' | 'share_with_org';
    /** @enum {string} */
    ConsentSource: 'message' | 'call_note' | 'in_person_note' | 'chat';
    /** @enum {string} */
    ConsentSourceInput: 'message' | 'call_note' | 'in_person_note' | 'chat';
    /** @enum {string} */
    ConversationStatus: 'open' | 'waiting' | 'closed';
    /** @enum {string} */
    ConversationStatusInput: 'open' | 'waiting' | 'closed';
    CsvRowError: {
      column: string | null;
      issue?: components['schemas']['ValidationIssue'];
      line: number;
      message: string;
      text?: components['schemas']['ErrorText'];
    };
    CsvRowErrorInput: {
      column: string | null;
      issue?: components['schemas']['ValidationIssueInput'];
      line: number;
      message: string;
      text?: components['schemas']['ErrorTextInput'];
    };
    /** @description Speakable, random, stable name of an entity (and its lead) */
    EntityAlias: string;
    /** @description Speakable, random, stable name of an entity (and its lead) */
    EntityAliasInput: string;
    ErasureResult: {
      counts: {
        consents: number;
        contacts: number;
        conversations: number;
        notes: number;
        referrals: number;
        tasks: number;
      };
      tombstoneId: string;
    };
    ErasureResultInput: {
      counts: {
        consents: number;
        contacts: number;
        conversations: number;
        notes: number;
        referrals: number;
        tasks: number;
      };
      tombstoneId: string;
    };
    ErrorText: {
      key: string;
      params?: {
        [key: string]: string | number;
      };
    };
    ErrorTextInput: {
      key: string;
      params?: {
        [key: string]: string | number;
      };
    };
    ExploitationBasis: {
      criminal: string[];
      sexual: string[];
    };
    ExploitationBasisInput: {
      criminal: string[];
      sexual: string[];
    };
    /**
     * @description Which kind of exploitation the signs that count for the score point to: sexual, criminal, both, or unclear (none points either way)
     * @enum {string}
     */
    ExploitationType: 'sexual' | 'criminal' | 'both' | 'unclear';
    /**
     * @description Which kind of exploitation the signs that count for the score point to: sexual, criminal, both, or unclear (none points either way)
     * @enum {string}
     */
    ExploitationTypeInput: 'sexual' | 'criminal' | 'both' | 'unclear';
    Fact: {
      category?: string;
      code?: string;
      evidence?: string;
      explanation?: string;
      identifierId?: string;
      kind: string;
      masked?: string;
      raw?: string;
      rule?: string;
      source?: string;
      span: {
        end: number;
        field: string;
        start: number;
      };
      value?: string;
    } & {
      [key: string]: unknown;
    };
    FactInput: {
      category?: string;
      code?: string;
      evidence?: string;
      explanation?: string;
      identifierId?: string;
      kind: string;
      masked?: string;
      raw?: string;
      rule?: string;
      source?: string;
      span: {
        end: number;
        field: string;
        start: number;
      };
      value?: string;
    } & {
      [key: string]: unknown;
    };
    /** @enum {string} */
    Gender: 'female' | 'male' | 'trans' | 'non_binary' | 'unknown';
    /** @enum {string} */
    GenderInput: 'female' | 'male' | 'trans' | 'non_binary' | 'unknown';
    InboxEntry: {
      alias: string | null;
      assigneeId: string | null;
      channelId: string | null;
      chat: {
        language: string;
        /** @enum {string} */
        state: 'queued' | 'active' | 'ended';
        /** @enum {string} */
        urgency: 'not_safe' | 'minor' | 'unsure' | 'other';
      } | null;
      /** @enum {string|null} */
      closedReason: 'opt_out' | null;
      contact: string | null;
      doNotContact: boolean;
      entityId: string | null;
      id: string;
      /** @enum {string} */
      kind: 'outreach' | 'inbound' | 'chat';
      last: components['schemas']['LastMessage'] | null;
      lastMessageAt: string;
      scheduledFor: string | null;
      status: components['schemas']['ConversationStatus'];
      unanswered: number;
      unread: number;
    };
    InboxEntryInput: {
      alias: string | null;
      assigneeId: string | null;
      channelId: string | null;
      chat: {
        language: string;
        /** @enum {string} */
        state: 'queued' | 'active' | 'ended';
        /** @enum {string} */
        urgency: 'not_safe' | 'minor' | 'unsure' | 'other';
      } | null;
      /** @enum {string|null} */
      closedReason: 'opt_out' | null;
      contact: string | null;
      doNotContact: boolean;
      entityId: string | null;
      id: string;
      /** @enum {string} */
      kind: 'outreach' | 'inbound' | 'chat';
      last: components['schemas']['LastMessageInput'] | null;
      lastMessageAt: string;
      scheduledFor: string | null;
      status: components['schemas']['ConversationStatusInput'];
      unanswered: number;
      unread: number;
    };
    /** @description Shown once: pass the address to the organisation, and the code over a second channel */
    IssuedSecureLink: {
      code: string;
      codeContact: string | null;
      expiresAt: string;
      url: string;
    };
    /** @description Shown once: pass the address to the organisation, and the code over a second channel */
    IssuedSecureLinkInput: {
      code: string;
      codeContact: string | null;
      expiresAt: string;
      url: string;
    };
    /** @description A JSON Schema (draft 2020-12) document */
    JsonSchemaDocument: {
      properties?: {
        [key: string]: {
          [key: string]: unknown;
        };
      };
      required?: string[];
      type?: string;
    } & {
      [key: string]: unknown;
    };
    /** @description A JSON Schema (draft 2020-12) document */
    JsonSchemaDocumentInput: {
      properties?: {
        [key: string]: {
          [key: string]: unknown;
        };
      };
      required?: string[];
      type?: string;
    } & {
      [key: string]: unknown;
    };
    /** @enum {string} */
    Language: 'en' | 'nl';
    /** @enum {string} */
    LanguageInput: 'en' | 'nl';
    LastMessage: {
      at: string;
      authorId: string | null;
      /** @enum {string} */
      from: 'person' | 'worker' | 'system';
      preview: string;
    };
    LastMessageInput: {
      at: string;
      authorId: string | null;
      /** @enum {string} */
      from: 'person' | 'worker' | 'system';
      preview: string;
    };
    LeadAlert: {
      acknowledgedAt: string | null;
      acknowledgedBy: string | null;
      alias: string | null;
      entityId: string;
      id: string;
      /** @enum {string} */
      kind: 'minor' | 'keep_data_ended';
      raisedAt: string;
    };
    LeadAlertInput: {
      acknowledgedAt: string | null;
      acknowledgedBy: string | null;
      alias: string | null;
      entityId: string;
      id: string;
      /** @enum {string} */
      kind: 'minor' | 'keep_data_ended';
      raisedAt: string;
    };
    /** @enum {string} */
    LeadState: 'new' | 'in_review' | 'contact_planned' | 'contacted' | 'no_action' | 'closed';
    /** @enum {string} */
    LeadStateInput: 'new' | 'in_review' | 'contact_planned' | 'contacted' | 'no_action' | 'closed';
    /** @enum {string} */
    LegalBasis: 'consent' | 'child_protection_duty';
    /** @enum {string} */
    LegalBasisInput: 'consent' | 'child_protection_duty';
    /** @enum {string} */
    MessageStatus:
      'queued' | 'to_send' | 'sending' | 'sent' | 'delivered' | 'failed' | 'received' | 'note';
    /** @enum {string} */
    MessageStatusInput:
      'queued' | 'to_send' | 'sending' | 'sent' | 'delivered' | 'failed' | 'received' | 'note';
    /** @enum {string} */
    Need:
      | 'safety'
      | 'shelter'
      | 'housing'
      | 'medical'
      | 'sexual_health'
      | 'psychological'
      | 'legal'
      | 'financial_debt'
      | 'language'
      | 'residence_status'
      | 'return';
    /** @enum {string} */
    NeedInput:
      | 'safety'
      | 'shelter'
      | 'housing'
      | 'medical'
      | 'sexual_health'
      | 'psychological'
      | 'legal'
      | 'financial_debt'
      | 'language'
      | 'residence_status'
      | 'return';
    Partner: {
      acceptsMinors: boolean;
      acceptsPregnant: boolean;
      accountOrgId: string | null;
      active: boolean;
      capacity: components['schemas']['PartnerCapacity'] | null;
      capacityConfirmedAt: string | null;
      createdAt: string;
      genders: components['schemas']['PartnerGender'][];
      id: string;
      intakeHours: string | null;
      interpretation: boolean;
      kind: components['schemas']['PartnerKind'];
      languages: string[];
      maxAge: number | null;
      minAge: number | null;
      municipalities: {
        id: string;
        name: string;
      }[];
      name: string;
      place: {
        id: string;
        name: string;
      } | null;
      referralChannel: components['schemas']['ReferralChannel'];
      regions: components['schemas']['Province'][];
      residenceStatuses: components['schemas']['ResidenceStatus'][];
      secureLinkContact: string | null;
      services: components['schemas']['Need'][];
      updatedAt: string;
    };
    /** @enum {string} */
    PartnerCapacity: 'open' | 'waiting_list' | 'full';
    /** @enum {string} */
    PartnerCapacityInput: 'open' | 'waiting_list' | 'full';
    /** @enum {string} */
    PartnerGender: 'women' | 'men' | 'trans' | 'non_binary';
    /** @enum {string} */
    PartnerGenderInput: 'women' | 'men' | 'trans' | 'non_binary';
    PartnerInput: {
      acceptsMinors: boolean;
      acceptsPregnant: boolean;
      accountOrgId: string | null;
      active: boolean;
      capacity: components['schemas']['PartnerCapacityInput'] | null;
      capacityConfirmedAt: string | null;
      createdAt: string;
      genders: components['schemas']['PartnerGenderInput'][];
      id: string;
      intakeHours: string | null;
      interpretation: boolean;
      kind: components['schemas']['PartnerKindInput'];
      languages: string[];
      maxAge: number | null;
      minAge: number | null;
      municipalities: {
        id: string;
        name: string;
      }[];
      name: string;
      place: {
        id: string;
        name: string;
      } | null;
      referralChannel: components['schemas']['ReferralChannelInput'];
      regions: components['schemas']['ProvinceInput'][];
      residenceStatuses: components['schemas']['ResidenceStatusInput'][];
      secureLinkContact: string | null;
      services: components['schemas']['NeedInput'][];
      updatedAt: string;
    };
    /** @enum {string} */
    PartnerKind:
      | 'shelter'
      | 'health'
      | 'mental_health'
      | 'legal_aid'
      | 'debt_help'
      | 'migration'
      | 'return'
      | 'social_services'
      | 'youth_care'
      | 'child_protection'
      | 'police';
    /** @enum {string} */
    PartnerKindInput:
      | 'shelter'
      | 'health'
      | 'mental_health'
      | 'legal_aid'
      | 'debt_help'
      | 'migration'
      | 'return'
      | 'social_services'
      | 'youth_care'
      | 'child_protection'
      | 'police';
    PartnerMatch: {
      concerns: components['schemas']['PartnerMatchReason'][];
      distanceKm: number | null;
      excluded: boolean;
      exclusions: components['schemas']['PartnerMatchReason'][];
      fits: components['schemas']['PartnerMatchReason'][];
      kind: components['schemas']['PartnerKind'];
      name: string;
      partnerId: string;
      referralChannel: components['schemas']['ReferralChannel'];
      score: number;
    };
    PartnerMatchInput: {
      concerns: components['schemas']['PartnerMatchReasonInput'][];
      distanceKm: number | null;
      excluded: boolean;
      exclusions: components['schemas']['PartnerMatchReasonInput'][];
      fits: components['schemas']['PartnerMatchReasonInput'][];
      kind: components['schemas']['PartnerKindInput'];
      name: string;
      partnerId: string;
      referralChannel: components['schemas']['ReferralChannelInput'];
      score: number;
    };
    PartnerMatchReason: {
      /** @enum {string} */
      code:
        | 'offers'
        | 'serves_municipality'
        | 'serves_region'
        | 'near'
        | 'speaks'
        | 'interpretation'
        | 'capacity_open'
        | 'missing_services'
        | 'outside_area'
        | 'far'
        | 'distance_unknown'
        | 'place_unknown'
        | 'no_common_language'
        | 'waiting_list'
        | 'full'
        | 'capacity_unknown'
        | 'capacity_stale'
        | 'no_services'
        | 'age_out_of_range'
        | 'no_minors'
        | 'gender_not_served'
        | 'no_pregnancy'
        | 'residence_status_not_accepted';
      params: {
        age?: number;
        days?: number;
        gender?: components['schemas']['PartnerGender'];
        km?: number;
        languages?: string[];
        max?: number;
        min?: number;
        needs?: components['schemas']['Need'][];
        place?: string;
        region?: components['schemas']['Province'];
        services?: components['schemas']['Need'][];
        since?: string;
        status?: components['schemas']['ResidenceStatus'];
      };
    };
    PartnerMatchReasonInput: {
      /** @enum {string} */
      code:
        | 'offers'
        | 'serves_municipality'
        | 'serves_region'
        | 'near'
        | 'speaks'
        | 'interpretation'
        | 'capacity_open'
        | 'missing_services'
        | 'outside_area'
        | 'far'
        | 'distance_unknown'
        | 'place_unknown'
        | 'no_common_language'
        | 'waiting_list'
        | 'full'
        | 'capacity_unknown'
        | 'capacity_stale'
        | 'no_services'
        | 'age_out_of_range'
        | 'no_minors'
        | 'gender_not_served'
        | 'no_pregnancy'
        | 'residence_status_not_accepted';
      params: {
        age?: number;
        days?: number;
        gender?: components['schemas']['PartnerGenderInput'];
        km?: number;
        languages?: string[];
        max?: number;
        min?: number;
        needs?: components['schemas']['NeedInput'][];
        place?: string;
        region?: components['schemas']['ProvinceInput'];
        services?: components['schemas']['NeedInput'][];
        since?: string;
        status?: components['schemas']['ResidenceStatusInput'];
      };
    };
    PartnerReferral: {
      answeredAt: string | null;
      answerNote: string | null;
      fields: components['schemas']['ShareableField'][];
      id: string;
      next: components['schemas']['ReferralState'][];
      sentAt: string;
      shared: {
        [key: string]: (string | number | string[]) | null;
      } | null;
      state: components['schemas']['ReferralState'];
    };
    PartnerReferralInput: {
      answeredAt: string | null;
      answerNote: string | null;
      fields: components['schemas']['ShareableFieldInput'][];
      id: string;
      next: components['schemas']['ReferralStateInput'][];
      sentAt: string;
      shared: {
        [key: string]: (string | number | string[]) | null;
      } | null;
      state: components['schemas']['ReferralStateInput'];
    };
    /** @enum {string} */
    Province:
      | 'Groningen'
      | 'Friesland'
      | 'Drenthe'
      | 'Overijssel'
      | 'Flevoland'
      | 'Gelderland'
      | 'Utrecht'
      | 'Noord-Holland'
      | 'Zuid-Holland'
      | 'Zeeland'
      | 'Noord-Brabant'
      | 'Limburg';
    /** @enum {string} */
    ProvinceInput:
      | 'Groningen'
      | 'Friesland'
      | 'Drenthe'
      | 'Overijssel'
      | 'Flevoland'
      | 'Gelderland'
      | 'Utrecht'
      | 'Noord-Holland'
      | 'Zuid-Holland'
      | 'Zeeland'
      | 'Noord-Brabant'
      | 'Limburg';
    ReasonText: {
      key?: string;
      params?: {
        [key: string]: string | number;
      };
      text?: {
        en: string;
        nl?: string;
      };
    };
    ReasonTextInput: {
      key?: string;
      params?: {
        [key: string]: string | number;
      };
      text?: {
        en: string;
        nl?: string;
      };
    };
    /** @enum {string} */
    ReferralChannel: 'account' | 'secure_link';
    /** @enum {string} */
    ReferralChannelInput: 'account' | 'secure_link';
    /** @enum {string} */
    ReferralState:
      | 'sent'
      | 'accepted'
      | 'declined'
      | 'intake_done'
      | 'in_care'
      | 'left'
      | 'helped'
      | 'revoked'
      | 'expired';
    /** @enum {string} */
    ReferralStateInput:
      | 'sent'
      | 'accepted'
      | 'declined'
      | 'intake_done'
      | 'in_care'
      | 'left'
      | 'helped'
      | 'revoked'
      | 'expired';
    RefusalText: {
      key: string;
      params?: {
        [key: string]: string | number;
      };
    };
    RefusalTextInput: {
      key: string;
      params?: {
        [key: string]: string | number;
      };
    };
    /** @enum {string} */
    ResidenceStatus: 'any' | 'eu_citizen' | 'residence_permit' | 'asylum_seeker' | 'undocumented';
    /** @enum {string} */
    ResidenceStatusInput:
      'any' | 'eu_citizen' | 'residence_permit' | 'asylum_seeker' | 'undocumented';
    RetentionPreview: {
      at: string;
      types: {
        due: number;
        held: number;
        nextDueAt: string | null;
        periodDays: number;
        /** @enum {string} */
        type:
          | 'closed_case'
          | 'unkept_case'
          | 'conversation'
          | 'uncontacted_lead'
          | 'never_lead'
          | 'capture'
          | 'chat';
      }[];
    };
    RetentionPreviewInput: {
      at: string;
      types: {
        due: number;
        held: number;
        nextDueAt: string | null;
        periodDays: number;
        /** @enum {string} */
        type:
          | 'closed_case'
          | 'unkept_case'
          | 'conversation'
          | 'uncontacted_lead'
          | 'never_lead'
          | 'capture'
          | 'chat';
      }[];
    };
    /** @enum {string} */
    RiskAnswer: 'yes' | 'no' | 'unknown';
    /** @enum {string} */
    RiskAnswerInput: 'yes' | 'no' | 'unknown';
    /** @enum {string} */
    RiskLevel: 'low' | 'medium' | 'high';
    /** @enum {string} */
    RiskLevelInput: 'low' | 'medium' | 'high';
    /** @enum {string} */
    RiskQuestion:
      | 'immediate_danger'
      | 'controller_nearby'
      | 'documents_withheld'
      | 'debt_to_controller'
      | 'violence_or_threats'
      | 'phone_controlled'
      | 'dependants_at_risk'
      | 'needs_medical_care_now';
    /** @enum {string} */
    RiskQuestionInput:
      | 'immediate_danger'
      | 'controller_nearby'
      | 'documents_withheld'
      | 'debt_to_controller'
      | 'violence_or_threats'
      | 'phone_controlled'
      | 'dependants_at_risk'
      | 'needs_medical_care_now';
    /** @enum {string} */
    Role: 'admin' | 'supervisor' | 'analyst' | 'outreach_worker' | 'partner';
    /** @enum {string} */
    RoleInput: 'admin' | 'supervisor' | 'analyst' | 'outreach_worker' | 'partner';
    /** @enum {string} */
    ScoreFlag:
      | 'urgent'
      | 'young'
      | 'targets_young'
      | 'obfuscation'
      | 'third_party'
      | 'recruitment'
      | 'shared_number'
      | 'template'
      | 'image_reuse'
      | 'moving'
      | 'multiple_ages'
      | 'high_volume';
    /** @enum {string} */
    ScoreFlagInput:
      | 'urgent'
      | 'young'
      | 'targets_young'
      | 'obfuscation'
      | 'third_party'
      | 'recruitment'
      | 'shared_number'
      | 'template'
      | 'image_reuse'
      | 'moving'
      | 'multiple_ages'
      | 'high_volume';
    /** @enum {string} */
    ShareableField:
      | 'alias'
      | 'age'
      | 'gender'
      | 'languages'
      | 'place'
      | 'needs'
      | 'risk_summary'
      | 'contact_channel'
      | 'contact_address'
      | 'handoff_note'
      | 'conversation_excerpt';
    /** @enum {string} */
    ShareableFieldInput:
      | 'alias'
      | 'age'
      | 'gender'
      | 'languages'
      | 'place'
      | 'needs'
      | 'risk_summary'
      | 'contact_channel'
      | 'contact_address'
      | 'handoff_note'
      | 'conversation_excerpt';
    /** @description A source definition (see SourceDefinition in src/collect/source-definition.ts) */
    SourceDefinitionDocument: {
      [key: string]: unknown;
    };
    /** @description A source definition (see SourceDefinition in src/collect/source-definition.ts) */
    SourceDefinitionDocumentInput: {
      [key: string]: unknown;
    };
    SubjectExport: {
      case: {
        age: number | null;
        alias: string;
        closedAt: string | null;
        exploitationTypes: string[];
        gender: string | null;
        languages: string[];
        nationality: string | null;
        needs: string[];
        openedAt: string;
        outcome: string | null;
        place: string | null;
        pseudonym: string;
        status: string;
      };
      consents: {
        expiresAt: string | null;
        fields: string[];
        givenAt: string;
        note: string | null;
        scope: string;
        source: string;
        withdrawalNote: string | null;
        withdrawnAt: string | null;
      }[];
      conversations: {
        id: string;
        kind: string;
        messages: {
          at: string;
          direction: string;
          text: string;
        }[];
      }[];
      generatedAt: string;
      notes:
        | {
            at: string;
            text: string;
          }[]
        | null;
      referrals: {
        fields: string[];
        handoffNote: string | null;
        history: {
          at: string;
          by: string;
          step: string;
        }[];
        id: string;
        legalBasis: string;
        sentAt: string;
        shared: string;
        state: string;
      }[];
      tasks:
        | {
            doneAt: string | null;
            dueAt: string | null;
            title: string;
          }[]
        | null;
    };
    SubjectExportInput: {
      case: {
        age: number | null;
        alias: string;
        closedAt: string | null;
        exploitationTypes: string[];
        gender: string | null;
        languages: string[];
        nationality: string | null;
        needs: string[];
        openedAt: string;
        outcome: string | null;
        place: string | null;
        pseudonym: string;
        status: string;
      };
      consents: {
        expiresAt: string | null;
        fields: string[];
        givenAt: string;
        note: string | null;
        scope: string;
        source: string;
        withdrawalNote: string | null;
        withdrawnAt: string | null;
      }[];
      conversations: {
        id: string;
        kind: string;
        messages: {
          at: string;
          direction: string;
          text: string;
        }[];
      }[];
      generatedAt: string;
      notes:
        | {
            at: string;
            text: string;
          }[]
        | null;
      referrals: {
        fields: string[];
        handoffNote: string | null;
        history: {
          at: string;
          by: string;
          step: string;
        }[];
        id: string;
        legalBasis: string;
        sentAt: string;
        shared: string;
        state: string;
      }[];
      tasks:
        | {
            doneAt: string | null;
            dueAt: string | null;
            title: string;
          }[]
        | null;
    };
    /** @enum {string} */
    TemplatePurpose: 'first_contact' | 'follow_up' | 'reply';
    /** @enum {string} */
    TemplatePurposeInput: 'first_contact' | 'follow_up' | 'reply';
    /** @enum {string} */
    TemplateStatus: 'draft' | 'approved' | 'retired';
    /** @enum {string} */
    TemplateStatusInput: 'draft' | 'approved' | 'retired';
    ValidationIssue: {
      code: string;
      expected?: string;
      format?: string;
      maximum?: number;
      minimum?: number;
      origin?: string;
      path: string[];
      reason?: string;
    };
    ValidationIssueInput: {
      code: string;
      expected?: string;
      format?: string;
      maximum?: number;
      minimum?: number;
      origin?: string;
      path: string[];
      reason?: string;
    };
    WorkerReferral: {
      answeredAt: string | null;
      answerNote: string | null;
      caseId: string;
      /** @enum {string} */
      channel: 'account' | 'secure_link';
      codeToDeliver: {
        contact: string | null;
      } | null;
      /** @enum {string|null} */
      endCause: 'revoked_by_worker' | 'consent_withdrawn' | 'consent_expired' | null;
      endedAt: string | null;
      events: {
        /** @enum {string} */
        actor: 'worker' | 'partner' | 'system';
        actorLabel: string;
        at: string;
        detail: {
          [key: string]: (string | number) | null;
        };
        /** @enum {string} */
        kind:
          | 'sent'
          | 'accepted'
          | 'declined'
          | 'intake_done'
          | 'in_care'
          | 'left'
          | 'helped'
          | 'revoked'
          | 'expired'
          | 'opened'
          | 'reminder_due'
          | 'reminded'
          | 'link_issued'
          | 'code_delivered'
          | 'code_wrong'
          | 'link_locked';
      }[];
      fields: components['schemas']['ShareableField'][];
      id: string;
      legalBasis: components['schemas']['LegalBasis'];
      link: {
        expiresAt: string;
        /** @enum {string} */
        status: 'open' | 'expired' | 'locked' | 'dead';
        usedAt: string | null;
      } | null;
      partnerId: string;
      partnerName: string | null;
      reminderDue: boolean;
      sentAt: string;
      state: components['schemas']['ReferralState'];
    };
    WorkerReferralInput: {
      answeredAt: string | null;
      answerNote: string | null;
      caseId: string;
      /** @enum {string} */
      channel: 'account' | 'secure_link';
      codeToDeliver: {
        contact: string | null;
      } | null;
      /** @enum {string|null} */
      endCause: 'revoked_by_worker' | 'consent_withdrawn' | 'consent_expired' | null;
      endedAt: string | null;
      events: {
        /** @enum {string} */
        actor: 'worker' | 'partner' | 'system';
        actorLabel: string;
        at: string;
        detail: {
          [key: string]: (string | number) | null;
        };
        /** @enum {string} */
        kind:
          | 'sent'
          | 'accepted'
          | 'declined'
          | 'intake_done'
          | 'in_care'
          | 'left'
          | 'helped'
          | 'revoked'
          | 'expired'
          | 'opened'
          | 'reminder_due'
          | 'reminded'
          | 'link_issued'
          | 'code_delivered'
          | 'code_wrong'
          | 'link_locked';
      }[];
      fields: components['schemas']['ShareableFieldInput'][];
      id: string;
      legalBasis: components['schemas']['LegalBasisInput'];
      link: {
        expiresAt: string;
        /** @enum {string} */
        status: 'open' | 'expired' | 'locked' | 'dead';
        usedAt: string | null;
      } | null;
      partnerId: string;
      partnerName: string | null;
      reminderDue: boolean;
      sentAt: string;
      state: components['schemas']['ReferralStateInput'];
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

export const roleValues = [
  'admin',
  'supervisor',
  'analyst',
  'outreach_worker',
  'partner',
] as const satisfies readonly components['schemas']['Role'][];
export const languageValues = [
  'en',
  'nl',
] as const satisfies readonly components['schemas']['Language'][];
export const leadStateValues = [
  'new',
  'in_review',
  'contact_planned',
  'contacted',
  'no_action',
  'closed',
] as const satisfies readonly components['schemas']['LeadState'][];
export const scoreFlagValues = [
  'urgent',
  'young',
  'targets_young',
  'obfuscation',
  'third_party',
  'recruitment',
  'shared_number',
  'template',
  'image_reuse',
  'moving',
  'multiple_ages',
  'high_volume',
] as const satisfies readonly components['schemas']['ScoreFlag'][];
export const exploitationTypeValues = [
  'sexual',
  'criminal',
  'both',
  'unclear',
] as const satisfies readonly components['schemas']['ExploitationType'][];
export const channelKindValues = [
  'smpp',
  'cm',
  'messagebird',
  'twilio',
  'whatsapp',
  'email',
  'manual',
] as const satisfies readonly components['schemas']['ChannelKind'][];
export const conversationStatusValues = [
  'open',
  'waiting',
  'closed',
] as const satisfies readonly components['schemas']['ConversationStatus'][];
export const messageStatusValues = [
  'queued',
  'to_send',
  'sending',
  'sent',
  'delivered',
  'failed',
  'received',
  'note',
] as const satisfies readonly components['schemas']['MessageStatus'][];
export const templateStatusValues = [
  'draft',
  'approved',
  'retired',
] as const satisfies readonly components['schemas']['TemplateStatus'][];
export const templatePurposeValues = [
  'first_contact',
  'follow_up',
  'reply',
] as const satisfies readonly components['schemas']['TemplatePurpose'][];
export const caseStatusValues = [
  'open',
  'referral',
  'in_care',
  'closed',
] as const satisfies readonly components['schemas']['CaseStatus'][];
export const caseOutcomeValues = [
  'helped',
  'referred_elsewhere',
  'declined_help',
  'lost_contact',
  'not_a_victim',
  'other',
] as const satisfies readonly components['schemas']['CaseOutcome'][];
export const caseNeedValues = [
  'safety',
  'shelter',
  'housing',
  'medical',
  'sexual_health',
  'psychological',
  'legal',
  'financial_debt',
  'language',
  'residence_status',
  'return',
] as const satisfies readonly components['schemas']['CaseNeed'][];
export const caseActionValues = [
  'view_case',
  'view_notes',
  'write_note',
  'edit',
  'close',
  'reopen',
  'assign',
  'transfer',
  'record_consent',
  'withdraw_consent',
  'refer',
  'view_viewers',
] as const satisfies readonly components['schemas']['CaseAction'][];
export const consentScopeValues = [
  'contact_again',
  'keep_data',
  'share_with_org',
] as const satisfies readonly components['schemas']['ConsentScope'][];
export const consentSourceValues = [
  'message',
  'call_note',
  'in_person_note',
  'chat',
] as const satisfies readonly components['schemas']['ConsentSource'][];
export const shareableFieldValues = [
  'alias',
  'age',
  'gender',
  'languages',
  'place',
  'needs',
  'risk_summary',
  'contact_channel',
  'contact_address',
  'handoff_note',
  'conversation_excerpt',
] as const satisfies readonly components['schemas']['ShareableField'][];
export const riskLevelValues = [
  'low',
  'medium',
  'high',
] as const satisfies readonly components['schemas']['RiskLevel'][];
export const riskQuestionValues = [
  'immediate_danger',
  'controller_nearby',
  'documents_withheld',
  'debt_to_controller',
  'violence_or_threats',
  'phone_controlled',
  'dependants_at_risk',
  'needs_medical_care_now',
] as const satisfies readonly components['schemas']['RiskQuestion'][];
export const riskAnswerValues = [
  'yes',
  'no',
  'unknown',
] as const satisfies readonly components['schemas']['RiskAnswer'][];
export const genderValues = [
  'female',
  'male',
  'trans',
  'non_binary',
  'unknown',
] as const satisfies readonly components['schemas']['Gender'][];
export const referralStateValues = [
  'sent',
  'accepted',
  'declined',
  'intake_done',
  'in_care',
  'left',
  'helped',
  'revoked',
  'expired',
] as const satisfies readonly components['schemas']['ReferralState'][];
export const legalBasisValues = [
  'consent',
  'child_protection_duty',
] as const satisfies readonly components['schemas']['LegalBasis'][];
export const partnerKindValues = [
  'shelter',
  'health',
  'mental_health',
  'legal_aid',
  'debt_help',
  'migration',
  'return',
  'social_services',
  'youth_care',
  'child_protection',
  'police',
] as const satisfies readonly components['schemas']['PartnerKind'][];
export const needValues = [
  'safety',
  'shelter',
  'housing',
  'medical',
  'sexual_health',
  'psychological',
  'legal',
  'financial_debt',
  'language',
  'residence_status',
  'return',
] as const satisfies readonly components['schemas']['Need'][];
export const provinceValues = [
  'Groningen',
  'Friesland',
  'Drenthe',
  'Overijssel',
  'Flevoland',
  'Gelderland',
  'Utrecht',
  'Noord-Holland',
  'Zuid-Holland',
  'Zeeland',
  'Noord-Brabant',
  'Limburg',
] as const satisfies readonly components['schemas']['Province'][];
export const partnerGenderValues = [
  'women',
  'men',
  'trans',
  'non_binary',
] as const satisfies readonly components['schemas']['PartnerGender'][];
export const residenceStatusValues = [
  'any',
  'eu_citizen',
  'residence_permit',
  'asylum_seeker',
  'undocumented',
] as const satisfies readonly components['schemas']['ResidenceStatus'][];
export const partnerCapacityValues = [
  'open',
  'waiting_list',
  'full',
] as const satisfies readonly components['schemas']['PartnerCapacity'][];
export const referralChannelValues = [
  'account',
  'secure_link',
] as const satisfies readonly components['schemas']['ReferralChannel'][];
