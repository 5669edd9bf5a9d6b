/**
 * Generated from openapi/chorus.openapi.json by `npm run openapi`: do not edit.
 */

export type paths = {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where to start: links to the API documentation, the OpenAPI document and health
         * @description A browser (asking for text/html) is answered the web app instead, where the platform serves it.
         */
        get: operations["get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public keys that verify access tokens (JWKS)
         * @description The active signing key, and keys retired less than one access-token lifetime ago (tokens they signed are still valid). Refetch on an unknown `kid`: after a rotation new tokens name the new key.
         */
        get: operations["getJwksJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/1/latest-import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * When a listener’s importer last imported (ListenBrainz-compatible)
         * @description latest_import: the unix second the importer last set for the service (default lastfm), 0 when never. Only for a listener who made their listens public; anyone else is answered exactly as an unknown user (404), except the listener themself with their own personal token (`Authorization: Token <token>`).
         */
        get: operations["getLatestImport"];
        put?: never;
        /**
         * Record when my importer last imported (ListenBrainz-compatible)
         * @description Body `{"ts": <unix seconds>, "service": "lastfm"}` (service optional). The mark only moves forward.
         */
        post: operations["postLatestImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/1/submit-listens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit listens (ListenBrainz-compatible)
         * @description Accepts what ListenBrainz accepts: listen_type single, playing_now or import; the same validation rules and error shapes. Authenticate with `Authorization: Token <personal API token>`; the token is checked before the body is read. Chorus bounds artist, track and release names to 512 characters and submission_client, media_player and music_service to 128. Listens that would cover more play than real time allows (see POST /v1/listens) are not stored; the answer is still {"status": "ok"}, as clients expect.
         */
        post: operations["postSubmitListens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/1/user/{user_name}/listen-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many listens a listener has (ListenBrainz-compatible)
         * @description Only for a listener who made their listens public; anyone else is answered exactly as an unknown user (404), except the listener themself with their own personal token (`Authorization: Token <token>`).
         */
        get: operations["getUserListenCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/1/user/{user_name}/listens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A listener’s listens, newest first (ListenBrainz-compatible)
         * @description min_ts and max_ts (unix seconds) are exclusive bounds: listens after min_ts, or before max_ts, or between both (min_ts < max_ts); with min_ts alone, the listens right after it. count: default 25, at most 1,000. latest_listen_ts and oldest_listen_ts cover all the listener's listens (0 when none). Only for a listener who made their listens public; anyone else is answered exactly as an unknown user (404), except the listener themself with their own personal token (`Authorization: Token <token>`).
         */
        get: operations["getUserListens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/1/user/{user_name}/playing-now": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a listener is playing now (ListenBrainz-compatible)
         * @description At most one listen, without listened_at. Only for a listener who made their listens public; anyone else is answered exactly as an unknown user (404), except the listener themself with their own personal token (`Authorization: Token <token>`).
         */
        get: operations["getUserPlayingNow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/1/validate-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check a personal API token (ListenBrainz-compatible)
         * @description user_name is the listener’s handle.
         */
        get: operations["getValidateToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This process's metrics in Prometheus text format (platform admins; scrape the ops port instead where one is configured) */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database and queue reachable */
        get: operations["getReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Apps by review state, the review queue by default (platform admins) */
        get: operations["getAdminApps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/apps/{app_id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve or reject an app in review (platform admins)
         * @description Approval puts the app in production mode and may verify its partner at the same time; a rejection needs a note.
         */
        post: operations["postAdminAppReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/artists/{id}/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark an artist verified (platform admins)
         * @description Name matching prefers verified artists, and a verified artist's ISRCs never move to an unverified artist's track.
         */
        post: operations["postAdminArtistVerification"];
        /** Withdraw an artist's verification (platform admins) */
        delete: operations["deleteAdminArtistVerification"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/isrc-claims/{isrc}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Settle an ISRC dispute: move the ISRC, and the listens it brought, to the given track (platform admins)
         * @description The listens of the track that held the ISRC which carry it move to the given track, and their counts leave the old track's and artist's statistics for the new ones'. 409 isrc_claimed when a verified artist's track holds it and the given track's artist is not verified; 409 track_has_isrc when the given track has another ISRC.
         */
        post: operations["postAdminIsrcClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/partners/{id}/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a partner (platform admins)
         * @description Marks the organisation as checked to be who it says; its team sees `verified`. Idempotent.
         */
        post: operations["postAdminPartnerVerification"];
        /** Withdraw a partner’s verification (platform admins) */
        delete: operations["deleteAdminPartnerVerification"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/signing-keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the access-token signing key
         * @description Platform admins only. A new key becomes the signer; the previous one is retired but stays published in the JWKS, and keeps verifying the tokens it signed, for one access-token lifetime. Other identity instances switch to the new key within a minute (they re-read the active key). Answers 409 `signing_key_configured` when the key comes from CHORUS_JWT_PRIVATE_KEY.
         */
        post: operations["postAdminSigningKeysRotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/roles/{role}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Grant an internal role
         * @description Platform admins only. Idempotent. Routes that need the role read it fresh, so it counts at once; the user’s next access token (at log-in or refresh) carries it too.
         */
        put: operations["putAdminUserRole"];
        post?: never;
        /**
         * Remove an internal role
         * @description Platform admins only. Idempotent; takes effect at once on routes that need the role, even for access tokens that still claim it. You cannot remove your own platform_admin role.
         */
        delete: operations["deleteAdminUserRole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an artist; you become the admin of its team */
        post: operations["postArtists"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an artist with a summary of its releases */
        get: operations["getArtist"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit an artist profile (team editors and admins) */
        patch: operations["patchArtist"];
        trace?: never;
    };
    "/v1/artists/{id}/insights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The artist's insights, newest first, with whether you have read each (the team and platform admins) */
        get: operations["getArtistInsights"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists/{id}/insights/{insight_id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an insight read for yourself; marking it again changes nothing */
        post: operations["postArtistInsightRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the team's pending invitations, newest first (team admins) */
        get: operations["getArtistInvitations"];
        put?: never;
        /**
         * Invite someone to the team by handle or email, with a role (team admins)
         * @description The invitee joins only by accepting it (POST /v1/me/team-invitations/{id}/accept) within 14 days. An invitation by email is answered 202 whether or not the address has an account; an unknown handle is 404. Inviting the same person again refreshes the pending invitation.
         */
        post: operations["postArtistInvitations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists/{id}/invitations/{invitation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a pending invitation (team admins) */
        delete: operations["deleteArtistInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the artist's team (its members and platform admins only) */
        get: operations["getArtistMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists/{id}/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (team admins), or leave the team yourself; the team keeps at least one admin */
        delete: operations["deleteArtistMember"];
        options?: never;
        head?: never;
        /** Change a member's role (team admins); the team keeps at least one admin */
        patch: operations["patchArtistMember"];
        trace?: never;
    };
    "/v1/artists/{id}/related": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Fans also like: artists whose audiences overlap most with this one */
        get: operations["getArtistRelated"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists/{id}/releases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a release to an artist's catalog (team editors and admins) */
        post: operations["postArtistReleases"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An artist's streams, listeners, monthly listeners, skips, saves and playlist adds over a range
         * @description streams: plays of at least 30 seconds. listeners: distinct listeners with at least one stream in the range (exact). monthly_listeners: distinct listeners with at least one stream in the rolling 28 days ending at `to` (previous: ending at previous_to). skips: plays shorter than 30 seconds. skip_rate: skips / (streams + skips), null without plays. saves: tracks saved (loved) by listeners, counted on the day of the save. playlist_adds: times a track was added to a playlist. ms_played: milliseconds played by streams and skips together. Each as {value, previous, change, change_reason}: change = (value - previous) / previous, or null with change_reason when the two cannot be compared: the previous period lies (wholly or in part) before the first day with data, or previous is 0. Rollups are daily, so ranges are whole UTC days: range=24h is the last whole day (yesterday, UTC) against the day before, so that it compares like with like (today so far is the live counter's, or from=to=today); 7d the last 7 days including today, likewise 28d, 90d and 365d; all starts at the first day with data (or the creation day), at most 1096 days (3 years) before today. Or from/to: UTC days, both inclusive, to ≥ from, at most 3 years, not after today. Default 28d. Every answer gives the resolved from, to and days, and the previous period: the same number of days right before. JSON, or a CSV download with `Accept: text/csv` or `format=csv` (header row, RFC 4180 quoting, text that a spreadsheet would run as a formula prefixed with a single quote, Content-Disposition attachment); an Accept that allows neither is 406. Every answer carries an ETag (a hash of what was sent) and is answered 304 Not Modified to an If-None-Match naming it. In CSV: one row per metric (metric, value, previous, change, change_reason). Readable by the artist's team members (any role) and platform admins; anyone else is told 404.
         */
        get: operations["getArtistStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists/{id}/stats/audience": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An artist's audience by country, age or gender, with small cells suppressed
         * @description Per value (country, age bracket or gender of the listener's profile on the day of the stream): listeners (distinct), listener_share, streams and stream_share, with shares of the exact totals of the range (total_listeners and total_streams, as /stats gives them). Age brackets: <18, 18-22, 23-27, 28-34, 35-44, 45-59, 60+, unknown; genders: female, male, non_binary, other, prefer_not_to_say, unknown. Age and gender always list every value; country lists only the countries shown. k-anonymity (k = the configured minimum, 10 by default, answered as `k`) is applied to each day, never to the range asked for, so that no comparison of answers for different ranges can isolate a small group: on every UTC day, a value with fewer than k distinct listeners is hidden for that day, and when any value is hidden, further values of that day are hidden, smallest first, until the hidden ones are at least two with listeners and hold at least k listeners together (a day that cannot meet this hides every value). A value's numbers over a range count only the days it is shown on; so a value with any listeners has at least k, and hidden listens change no value's numbers, whatever ranges are asked for. They count in the totals and in unattributed_listeners (listeners shown under no value in the range) and unattributed_streams. A listener shown under two values in the range (who moved, or had a birthday) counts in each, so shares can add up to more than 1. An age or gender value with nothing shown is answered as {value, suppressed: true}, whether it had no listener or only hidden ones; a country with nothing shown is not listed. withheld is true when the range has listeners but no value can be shown. Rollups are daily, so ranges are whole UTC days: range=24h is the last whole day (yesterday, UTC) against the day before, so that it compares like with like (today so far is the live counter's, or from=to=today); 7d the last 7 days including today, likewise 28d, 90d and 365d; all starts at the first day with data (or the creation day), at most 1096 days (3 years) before today. Or from/to: UTC days, both inclusive, to ≥ from, at most 3 years, not after today. Default 28d. Every answer gives the resolved from, to and days, and the previous period: the same number of days right before. JSON, or a CSV download with `Accept: text/csv` or `format=csv` (header row, RFC 4180 quoting, text that a spreadsheet would run as a formula prefixed with a single quote, Content-Disposition attachment); an Accept that allows neither is 406. Every answer carries an ETag (a hash of what was sent) and is answered 304 Not Modified to an If-None-Match naming it. In CSV a suppressed cell has empty numbers and suppressed=true. Readable by the artist's team members (any role) and platform admins; anyone else is told 404.
         */
        get: operations["getArtistStatsAudience"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists/{id}/stats/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Expected streams for each of the next 28 days, with prediction intervals (the team and platform admins) */
        get: operations["getArtistStatsForecast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists/{id}/stats/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Today's streams of an artist and each of its tracks, live (Server-Sent Events)
         * @description A text/event-stream. On connect: a `retry:` hint, then one `streams` event with today's (UTC) streams of the artist and of each of its tracks: {artist_id, day, streams, tracks: [{track_id, title, streams}], at}. Then a new `streams` event within seconds whenever aggregation applies listens of this artist, on any API instance (changes are announced over the bus, Redis pub/sub in production); per artist at most one count a second is made, changes in between are coalesced. A comment line every 15 seconds keeps the connection open. A stream is a play of at least 30 seconds. Readable by the artist's team members (any role) and platform admins; anyone else is told 404. The stream ends with a last `closed` event ({reason}) when the access token it was opened with expires (reason token_expired: reconnect with a fresh token) or when the caller is no longer on the team (access_revoked). A caller may hold a limited number of live streams at once (all stream routes together), and so may the server: beyond either, 429 with Retry-After.
         */
        get: operations["getArtistStatsLive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists/{id}/stats/playlists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Playlists that drove an artist's streams
         * @description Streams played from playlists (own, other listeners' and collaborative) in the range, per playlist. Public playlists are listed by name with their collaborative flag and curators (collaborators who can add tracks: owner, editors and contributors), most streams first; private playlists and context ids that name no known playlist are merged into one row {private_or_unknown: true, streams}, last on the first page. total_streams is every playlist stream of the range. limit 1 to 100 (default 20) and next_cursor page through the public playlists. A stream is a play of at least 30 seconds; a shorter play is a skip. Rollups are daily, so ranges are whole UTC days: range=24h is the last whole day (yesterday, UTC) against the day before, so that it compares like with like (today so far is the live counter's, or from=to=today); 7d the last 7 days including today, likewise 28d, 90d and 365d; all starts at the first day with data (or the creation day), at most 1096 days (3 years) before today. Or from/to: UTC days, both inclusive, to ≥ from, at most 3 years, not after today. Default 28d. Every answer gives the resolved from, to and days, and the previous period: the same number of days right before. JSON, or a CSV download with `Accept: text/csv` or `format=csv` (header row, RFC 4180 quoting, text that a spreadsheet would run as a formula prefixed with a single quote, Content-Disposition attachment); an Accept that allows neither is 406. Every answer carries an ETag (a hash of what was sent) and is answered 304 Not Modified to an If-None-Match naming it. In CSV: the rows of this page (playlist_id, name, collaborative, curators, streams, private_or_unknown). Readable by the artist's team members (any role) and platform admins; anyone else is told 404.
         */
        get: operations["getArtistStatsPlaylists"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists/{id}/stats/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where an artist's streams come from
         * @description Streams by source (the context of the play): library, own_playlist (the listener's own playlists), playlist (other listeners' playlists), collaborative_playlist, album and artist (the artist's profile and catalog), search, radio, partner (partner devices and integrations), other; each with its share of the range's streams and the same for the previous period. families group them: own_library_and_playlists (library, own_playlist), others_playlists (playlist), collaborative (collaborative_playlist), artist_profile_and_catalog (album, artist), search, radio, partner_devices (partner), other. Shares are null when there are no streams. A stream is a play of at least 30 seconds; a shorter play is a skip. Rollups are daily, so ranges are whole UTC days: range=24h is the last whole day (yesterday, UTC) against the day before, so that it compares like with like (today so far is the live counter's, or from=to=today); 7d the last 7 days including today, likewise 28d, 90d and 365d; all starts at the first day with data (or the creation day), at most 1096 days (3 years) before today. Or from/to: UTC days, both inclusive, to ≥ from, at most 3 years, not after today. Default 28d. Every answer gives the resolved from, to and days, and the previous period: the same number of days right before. JSON, or a CSV download with `Accept: text/csv` or `format=csv` (header row, RFC 4180 quoting, text that a spreadsheet would run as a formula prefixed with a single quote, Content-Disposition attachment); an Accept that allows neither is 406. Every answer carries an ETag (a hash of what was sent) and is answered 304 Not Modified to an If-None-Match naming it. In CSV: one row per source, then one per family (level, name, streams, share, previous_streams, previous_share). Readable by the artist's team members (any role) and platform admins; anyone else is told 404.
         */
        get: operations["getArtistStatsSources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists/{id}/stats/timeseries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of an artist's metrics per day, ISO week or month
         * @description metric: streams, listeners, skips, saves, playlist_adds or ms_played (default streams); for listeners each bucket counts the distinct listeners within that bucket. granularity: day, week (ISO weeks, Monday to Sunday) or month (calendar months), UTC; every bucket of the range is answered, zero-filled, with start and end clipped to the range. A stream is a play of at least 30 seconds; a shorter play is a skip. Rollups are daily, so ranges are whole UTC days: range=24h is the last whole day (yesterday, UTC) against the day before, so that it compares like with like (today so far is the live counter's, or from=to=today); 7d the last 7 days including today, likewise 28d, 90d and 365d; all starts at the first day with data (or the creation day), at most 1096 days (3 years) before today. Or from/to: UTC days, both inclusive, to ≥ from, at most 3 years, not after today. Default 28d. Every answer gives the resolved from, to and days, and the previous period: the same number of days right before. JSON, or a CSV download with `Accept: text/csv` or `format=csv` (header row, RFC 4180 quoting, text that a spreadsheet would run as a formula prefixed with a single quote, Content-Disposition attachment); an Accept that allows neither is 406. Every answer carries an ETag (a hash of what was sent) and is answered 304 Not Modified to an If-None-Match naming it. Readable by the artist's team members (any role) and platform admins; anyone else is told 404.
         */
        get: operations["getArtistStatsTimeseries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists/{id}/stats/tracks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every track of an artist with its numbers over a range
         * @description Every track of the artist, zeros for tracks without data: streams, listeners (distinct listeners of the track in the range), skips, skip_rate (skips / (streams + skips), null without plays), saves, playlist_adds, ms_played. sort: streams, listeners, skips, saves or skip_rate; order desc (default) or asc; ties by title then id; tracks without a skip rate come last. limit 1 to 100 (default 20) and next_cursor page through. A stream is a play of at least 30 seconds; a shorter play is a skip. Rollups are daily, so ranges are whole UTC days: range=24h is the last whole day (yesterday, UTC) against the day before, so that it compares like with like (today so far is the live counter's, or from=to=today); 7d the last 7 days including today, likewise 28d, 90d and 365d; all starts at the first day with data (or the creation day), at most 1096 days (3 years) before today. Or from/to: UTC days, both inclusive, to ≥ from, at most 3 years, not after today. Default 28d. Every answer gives the resolved from, to and days, and the previous period: the same number of days right before. JSON, or a CSV download with `Accept: text/csv` or `format=csv` (header row, RFC 4180 quoting, text that a spreadsheet would run as a formula prefixed with a single quote, Content-Disposition attachment); an Accept that allows neither is 406. Every answer carries an ETag (a hash of what was sent) and is answered 304 Not Modified to an If-None-Match naming it. Readable by the artist's team members (any role) and platform admins; anyone else is told 404.
         */
        get: operations["getArtistStatsTracks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists/{id}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The artist's webhook endpoints, oldest first */
        get: operations["getArtistWebhooks"];
        put?: never;
        /** Add a webhook endpoint for the artist's events; the answer shows its signing secret, this once */
        post: operations["postArtistWebhooks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists/{id}/webhooks/{webhook_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook endpoint, with its health and any notice for its owner */
        get: operations["getArtistWebhook"];
        put?: never;
        post?: never;
        /** Delete a webhook endpoint and its delivery log */
        delete: operations["deleteArtistWebhook"];
        options?: never;
        head?: never;
        /** Change a webhook endpoint: URL, event types, description, or enabled (re-enabling one disabled for failing) */
        patch: operations["patchArtistWebhook"];
        trace?: never;
    };
    "/v1/artists/{id}/webhooks/{webhook_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log, newest first: each event sent and its attempts (time, status or error, latency, the start of the answer) */
        get: operations["getArtistWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists/{id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a finished delivery again (a new delivery, the same webhook-id) */
        post: operations["postArtistWebhookDeliveryRedeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists/{id}/webhooks/{webhook_id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the signing secret; the old one keeps signing (a second signature on each event) for 24 hours */
        post: operations["postArtistWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artists/{id}/webhooks/{webhook_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a ping event to this endpoint; its outcome shows in the delivery log */
        post: operations["postArtistWebhookTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in with email and password
         * @description Answers an access token and a single-use refresh token. A wrong email and a wrong password are told apart by neither answer nor timing. Attempts are limited per account (whatever the address) and, more loosely, per address, so one person’s mistakes do not lock out everyone behind the same address.
         */
        post: operations["postAuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log out
         * @description Revokes the refresh token and every token rotated from the same log-in. An unknown token is answered 204 too.
         */
        post: operations["postAuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new token pair
         * @description Refresh tokens rotate: the one sent is spent and a new one is returned. Sending a spent token again answers `refresh_token_reused` and signs out every session of that log-in.
         */
        post: operations["postAuthRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The browser session
         * @description Who the session cookie signs in, or `user: null` without one. `renewable` says a refresh cookie is there (the access cookie expired or is about to): `POST /v1/auth/session/refresh` then renews the session. Answers 200 either way, so a page can ask without a failed request.
         */
        get: operations["getAuthSession"];
        put?: never;
        /**
         * Sign in a browser
         * @description Checks email and password like `POST /v1/auth/login`, and answers the account; the tokens are set as httpOnly, SameSite=Strict cookies (`chorus_session` for the API, `chorus_refresh` only for these routes) instead of being returned, so page scripts never hold them. Same-origin only. This is how the web app signs in; API clients use `POST /v1/auth/login` or OAuth.
         */
        post: operations["postAuthSession"];
        /**
         * Sign out a browser
         * @description Revokes the session’s refresh token (and every token rotated from the same sign-in) and clears the cookies. Answers 204 without a session too.
         */
        delete: operations["deleteAuthSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Renew a browser session
         * @description Spends the session’s refresh cookie for a new pair of cookies (refresh tokens rotate; a replayed one ends every session of that sign-in). Answers 401 when there is no session to renew.
         */
        post: operations["postAuthSessionRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account
         * @description Creates a listener account and signs it in: the answer carries the same tokens as a log-in, and the account. Emails are unique whatever their letter case. A taken email answers 409 `email_taken`: without a way to write to the address, an answer that hid it would leave the person no way to learn why they cannot sign up; sign-up is rate limited per address, which bounds how fast anyone can probe for registered emails. A taken handle answers 409 `handle_taken`.
         */
        post: operations["postAuthSignup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/insights/product/diversity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How much listening goes beyond the most streamed artists
         * @description share_outside_top: the share of the range's streams that went to artists outside the top 1% of artists by streams in the range (top 1% = the ceil(artists / 100) most streamed artists, at least one, ties broken by artist id; artists = artists with at least one stream), with the previous period. weekly: the same per ISO week of the range (clipped to it), each week ranking its own top 1%. A stream is a play of at least 30 seconds; a shorter play is a skip. An active listener has at least one stream. Platform-wide. Ranges are whole UTC days (rollups are daily): range=24h is the last whole day (yesterday, UTC) against the day before; 7d the last 7 days including today, likewise 28d, 90d and 365d; all starts at the first day anyone listened, at most 1096 days back. Or from/to: UTC days, both inclusive, at most 3 years, not after today. Default 28d. The previous period is the same number of days right before; every answer gives the resolved days. A change is null, with change_reason, when the previous window lies (wholly or in part) before the first day with data, or its value is 0. JSON, or a CSV download with `Accept: text/csv` or `format=csv`; an Accept that allows neither is 406. Every answer carries an ETag (a hash of what was sent) and is answered 304 to an If-None-Match naming it. For product analysts and platform admins only (internal roles); anyone else is told 403.
         */
        get: operations["getInsightsProductDiversity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/insights/product/engagement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Active listeners, stickiness, streams per listener and skip rate
         * @description dau: distinct listeners with at least one stream on `to`; wau and mau: over the 7 and 28 days ending at `to` (previous: ending at previous_to). stickiness: dau / mau. active_listeners: distinct listeners with at least one stream in the range. average_dau: the mean of the daily active listeners over the range. streams_per_active_listener: the range's streams / active_listeners. skip_rate: skips / (streams + skips) over every play of the range. daily: per day of the range, dau, streams, skips and ms_played, zero-filled. Ratios are null when they would divide by zero. A stream is a play of at least 30 seconds; a shorter play is a skip. An active listener has at least one stream. Platform-wide. Ranges are whole UTC days (rollups are daily): range=24h is the last whole day (yesterday, UTC) against the day before; 7d the last 7 days including today, likewise 28d, 90d and 365d; all starts at the first day anyone listened, at most 1096 days back. Or from/to: UTC days, both inclusive, at most 3 years, not after today. Default 28d. The previous period is the same number of days right before; every answer gives the resolved days. A change is null, with change_reason, when the previous window lies (wholly or in part) before the first day with data, or its value is 0. JSON, or a CSV download with `Accept: text/csv` or `format=csv`; an Accept that allows neither is 406. Every answer carries an ETag (a hash of what was sent) and is answered 304 to an If-None-Match naming it. For product analysts and platform admins only (internal roles); anyone else is told 403.
         */
        get: operations["getInsightsProductEngagement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/insights/product/integrity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Listens refused at ingestion, by reason and API
         * @description Listens ingestion did not store, counted on the UTC day they were refused (not the day they claim), with the batches they came in. over_real_time: with what the listener already had, the listens would cover more play in a UTC hour than real time allows (CHORUS_LISTEN_BUDGET_PER_HOUR, default 5,100 s: 3,600 × 1.25 for overlapping devices plus slack). Refused listens count in no other figure. No listener is named. Ranges as the other product routes (range, or from/to; default 28d; the previous period is the same number of days right before). For product analysts and platform admins only (internal roles); anyone else is told 403.
         */
        get: operations["getInsightsProductIntegrity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/insights/product/partner-connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Connections to partner apps by partner kind, and how connected listeners stay
         * @description Per partner kind (automotive, telecom, device, app): new_connections (a listener approved an app of a partner of the kind, or approved it again after revoking it; approving an app one is connected to is not new), revoked_connections (a listener disconnected one), both for the range and the previous period, and connected_users: distinct listeners with a live connection (approved, not since revoked) to at least one app of the kind at the end of `to` (previous: of previous_to). Then per day, ISO week or month of the range (granularity, default day; every bucket listed, clipped to the range): the same counts (connected_users at the end of the bucket's last day), the bucket's cohort (distinct listeners with a new connection to an app of the kind in it) and its retention after 7 and 28 days: the share of the cohort still connected to an app of the kind at the end of day c0 + N AND with at least one stream through an app of the kind on days c0 + 1 to c0 + N (c0: the member's first new connection of the kind in the bucket); null until those days are over for every member. Aggregates only: no listener is identified. Platform-wide. Ranges are whole UTC days (rollups are daily): range=24h is the last whole day (yesterday, UTC) against the day before; 7d the last 7 days including today, likewise 28d, 90d and 365d; all starts at the first day anyone listened, at most 1096 days back. Or from/to: UTC days, both inclusive, at most 3 years, not after today. Default 28d. The previous period is the same number of days right before; every answer gives the resolved days. A change is null, with change_reason, when the previous window lies (wholly or in part) before the first day with data, or its value is 0. JSON, or a CSV download with `Accept: text/csv` or `format=csv`; an Accept that allows neither is 406. Every answer carries an ETag (a hash of what was sent) and is answered 304 to an If-None-Match naming it. In CSV: one row per kind for the range (period range), then per bucket and kind (period bucket). For product analysts and platform admins only (internal roles); anyone else is told 403.
         */
        get: operations["getInsightsProductPartnerConnections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/insights/product/partner-kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The share of listening through each partner kind, over time
         * @description Streams by partner kind: automotive, telecom, device and app (verified: submitted with the access token of a partner app of that kind), unverified (the client claims a partner context or a car, speaker or tv platform without a partner app's token) and none, each with its share of all streams, for the range and the previous period, and per day, ISO week or month of the range (granularity, default day; every bucket listed, clipped to the range). A stream is a play of at least 30 seconds; a shorter play is a skip. An active listener has at least one stream. Platform-wide. Ranges are whole UTC days (rollups are daily): range=24h is the last whole day (yesterday, UTC) against the day before; 7d the last 7 days including today, likewise 28d, 90d and 365d; all starts at the first day anyone listened, at most 1096 days back. Or from/to: UTC days, both inclusive, at most 3 years, not after today. Default 28d. The previous period is the same number of days right before; every answer gives the resolved days. A change is null, with change_reason, when the previous window lies (wholly or in part) before the first day with data, or its value is 0. JSON, or a CSV download with `Accept: text/csv` or `format=csv`; an Accept that allows neither is 406. Every answer carries an ETag (a hash of what was sent) and is answered 304 to an If-None-Match naming it. In CSV: one row per kind for the range (period range), then per bucket and kind (period bucket). For product analysts and platform admins only (internal roles); anyone else is told 403.
         */
        get: operations["getInsightsProductPartnerKinds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/insights/product/platforms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Streams by platform and the partner share
         * @description Streams by platform (ios, android, web, desktop, car, speaker, tv, other) with shares, for the range and the previous period. partner.context: streams played through partner integrations (source partner); partner.devices: streams on partner device platforms (car, speaker, tv); each with its share of all streams. A stream is a play of at least 30 seconds; a shorter play is a skip. An active listener has at least one stream. Platform-wide. Ranges are whole UTC days (rollups are daily): range=24h is the last whole day (yesterday, UTC) against the day before; 7d the last 7 days including today, likewise 28d, 90d and 365d; all starts at the first day anyone listened, at most 1096 days back. Or from/to: UTC days, both inclusive, at most 3 years, not after today. Default 28d. The previous period is the same number of days right before; every answer gives the resolved days. A change is null, with change_reason, when the previous window lies (wholly or in part) before the first day with data, or its value is 0. JSON, or a CSV download with `Accept: text/csv` or `format=csv`; an Accept that allows neither is 406. Every answer carries an ETag (a hash of what was sent) and is answered 304 to an If-None-Match naming it. For product analysts and platform admins only (internal roles); anyone else is told 403.
         */
        get: operations["getInsightsProductPlatforms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/insights/product/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Weekly sign-up cohorts and how many keep listening
         * @description cohorts=N (1 to 52, default 8): the N ISO weeks (Monday to Sunday, UTC) ending with the current one; each cohort is the users who signed up that week (size). retention[i] is the share of the cohort with at least one stream in ISO week i + 1 after the sign-up week (active[i] the count), for weeks 1 to N; null until that week has ended (or when the cohort is empty). A stream is a play of at least 30 seconds; a shorter play is a skip. An active listener has at least one stream. JSON, or a CSV download with `Accept: text/csv` or `format=csv`; an Accept that allows neither is 406. Every answer carries an ETag (a hash of what was sent) and is answered 304 to an If-None-Match naming it. For product analysts and platform admins only (internal roles); anyone else is told 403.
         */
        get: operations["getInsightsProductRetention"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/insights/product/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Share of streams by source across the platform
         * @description Streams by source (context of the play: library, own_playlist, playlist (other listeners' playlists), collaborative_playlist, album, artist, search, radio, partner, other) summed over every artist, each with its share of the range's streams and the same for the previous period; families as in artist sources (own_library_and_playlists, others_playlists, collaborative, artist_profile_and_catalog, search, radio, partner_devices, other). collaborative_playlists repeats what collaborative playlists contribute. A stream is a play of at least 30 seconds; a shorter play is a skip. An active listener has at least one stream. Platform-wide. Ranges are whole UTC days (rollups are daily): range=24h is the last whole day (yesterday, UTC) against the day before; 7d the last 7 days including today, likewise 28d, 90d and 365d; all starts at the first day anyone listened, at most 1096 days back. Or from/to: UTC days, both inclusive, at most 3 years, not after today. Default 28d. The previous period is the same number of days right before; every answer gives the resolved days. A change is null, with change_reason, when the previous window lies (wholly or in part) before the first day with data, or its value is 0. JSON, or a CSV download with `Accept: text/csv` or `format=csv`; an Accept that allows neither is 406. Every answer carries an ETag (a hash of what was sent) and is answered 304 to an If-None-Match naming it. For product analysts and platform admins only (internal roles); anyone else is told 403.
         */
        get: operations["getInsightsProductSources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/insights/product/trends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Artists and tracks rising in a market
         * @description Streams by listeners in `market` over the 7 days ending at `to` (default today, UTC) against the 7 days before. Listed when the last 7 days have at least min_streams (default 100) streams, rise above the week before, and the rise is significant: a one-sided conditional binomial test (given n = current + previous streams, current ~ Binomial(n, 1/2) if both weeks share one rate; exact up to large n, then normal with continuity correction) with p < alpha = 0.01. change = (current - previous) / previous, null for a rise from none. Streams count only on days when the artist's audience in the market is shown under the audience endpoint's k-anonymity rule (at least k listeners that day, with complementary hiding; see /v1/artists/{id}/stats/audience), so no figure here includes a listen that rule hides. Ordered: rises from none first, then by change, then by current streams; at most limit (default 20) of each. A stream is a play of at least 30 seconds; a shorter play is a skip. An active listener has at least one stream. JSON, or a CSV download with `Accept: text/csv` or `format=csv`; an Accept that allows neither is 406. Every answer carries an ETag (a hash of what was sent) and is answered 304 to an If-None-Match naming it. For product analysts and platform admins only (internal roles); anyone else is told 403.
         */
        get: operations["getInsightsProductTrends"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/listens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a batch of 1 to 1,000 listens
         * @description All-or-nothing: one invalid listen rejects the batch with errors pointing at it, and nothing is written. Answers after commit. The same listen (listener, track, time) is stored once, so a retried batch counts nothing twice. Listens that match no catalog track are kept and count once a track matches. Listens submitted with a partner app's access token are attributed to that app and its partner, and their platform is the app's registered device class (car, speaker and tv as such; wearable and other as other), whatever `platform` says; a listen that claims a partner context or a car, speaker or tv without a partner app's token is stored as claimed but counted as unverified, never as a partner's.
         */
        post: operations["postListens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your account */
        get: operations["getMe"];
        put?: never;
        post?: never;
        /**
         * Delete my account and everything it contributed
         * @description Listens and their contribution to every aggregate, feedback and its saves, tokens and memberships are removed at once.
         */
        delete: operations["deleteMe"];
        options?: never;
        head?: never;
        /**
         * Change your profile
         * @description Changes only the fields sent. `null` removes a birth year or gender. A handle someone else has answers 409 `handle_taken`.
         */
        patch: operations["patchMe"];
        trace?: never;
    };
    "/v1/me/artists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The artists whose teams you are on, with your role, newest first */
        get: operations["getMeArtists"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Apps you connected
         * @description The partner apps you allowed to use your account, what they may do, when you connected them and when they last refreshed their access.
         */
        get: operations["getMeConnections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/connections/{client_id}": {
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
         * Disconnect an app
         * @description Revokes every grant and token of the app for you at once: its refresh tokens stop working, and its access tokens are refused by every service within seconds. An app you never connected answers 404.
         */
        delete: operations["deleteMeConnection"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export everything Chorus holds about me (JSON lines) */
        get: operations["getMeExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/feedback/{track_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Love (1, a save), hate (-1) or clear (0) a track */
        put: operations["putMeFeedback"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/listens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My listens, newest first */
        get: operations["getMeListens"];
        put?: never;
        post?: never;
        /**
         * Delete my listens (all, or those in [from, to))
         * @description Removes the listens and their contribution to every statistic at once.
         */
        delete: operations["deleteMeListens"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/now-playing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What I am playing now */
        get: operations["getMeNowPlaying"];
        /** Say what I am playing now */
        put: operations["putMeNowPlaying"];
        post?: never;
        /** Stop showing what I am playing */
        delete: operations["deleteMeNowPlaying"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/partner-invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your open invitations to partner teams */
        get: operations["getMePartnerInvitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/partner-invitations/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation: you join the team with its role */
        post: operations["postMePartnerInvitationAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/partner-invitations/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline an invitation */
        post: operations["postMePartnerInvitationDecline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/playlist-invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your pending invitations to collaborate on playlists (invited by handle), newest first */
        get: operations["getMePlaylistInvitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/playlist-invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Decline a pending invitation addressed to you */
        delete: operations["deleteMePlaylistInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/playlist-invitations/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation addressed to you: join the playlist with the invitation's role */
        post: operations["postMePlaylistInvitationAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/playlists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your playlists: owned, collaborating and followed (filter with relation), newest first */
        get: operations["getMePlaylists"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/team-invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your pending invitations to artist teams (to your handle or your email), newest first */
        get: operations["getMeTeamInvitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/team-invitations/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation: you join the artist's team with its role */
        post: operations["postMeTeamInvitationAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/team-invitations/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline an invitation */
        post: operations["postMeTeamInvitationDecline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your personal API tokens
         * @description Active tokens, newest first, without their secrets.
         */
        get: operations["getMeTokens"];
        put?: never;
        /**
         * Create a personal API token
         * @description The token is in this answer only; Chorus keeps just its hash. At most 50 active tokens per account.
         */
        post: operations["postMeTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a personal API token */
        delete: operations["deleteMeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The partners whose team you are on */
        get: operations["getPartners"];
        put?: never;
        /** Register a partner organisation; you become the admin of its team */
        post: operations["postPartners"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A partner (its team and platform admins only) */
        get: operations["getPartner"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a partner (its admins)
         * @description Changing the name, kind or website of a verified partner withdraws the verification.
         */
        patch: operations["patchPartner"];
        trace?: never;
    };
    "/v1/partners/{id}/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The partner's apps (its whole team) */
        get: operations["getPartnerApps"];
        put?: never;
        /**
         * Register an app (admins and developers)
         * @description The app gets a client id, starts in development mode (the partner’s team and up to 25 allow-listed people, development limits) and a confidential client gets its secret in this answer only.
         */
        post: operations["postPartnerApps"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/apps/{app_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app, with its review state and who decided it */
        get: operations["getPartnerApp"];
        put?: never;
        post?: never;
        /**
         * Delete an app (admins)
         * @description Its client id stops working at once; access tokens already issued are refused within 30 seconds.
         */
        delete: operations["deletePartnerApp"];
        options?: never;
        head?: never;
        /** Edit an app (admins and developers) */
        patch: operations["patchPartnerApp"];
        trace?: never;
    };
    "/v1/partners/{id}/apps/{app_id}/allow-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The people a development-mode app may serve besides the partner's team */
        get: operations["getPartnerAppAllowList"];
        put?: never;
        /** Allow a person, by handle, to use a development-mode app (admins and developers; at most 25) */
        post: operations["postPartnerAppAllowList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/apps/{app_id}/allow-list/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a person off the allow-list (admins and developers) */
        delete: operations["deletePartnerAppAllowList"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/apps/{app_id}/review-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for production mode (admins and developers)
         * @description From development, or again after a rejection; the app stays in development mode while in review.
         */
        post: operations["postPartnerAppReviewRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/apps/{app_id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The app's review history: requests and decisions */
        get: operations["getPartnerAppReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/apps/{app_id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a confidential client's secret (admins and developers)
         * @description The new secret is in this answer only. The previous one keeps working until previous_valid_until (CHORUS_CLIENT_SECRET_OVERLAP_SECONDS, a day by default); rotating again drops it at once, which is how to revoke a leaked secret.
         */
        post: operations["postPartnerAppSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/apps/{app_id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An app's requests, errors and 429s per UTC day and route group, with its limits
         * @description For the partner’s team, and for the app itself with a client credentials token.
         */
        get: operations["getPartnerAppUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/apps/{app_id}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The app's webhook endpoints, oldest first */
        get: operations["getPartnerAppWebhooks"];
        put?: never;
        /** Add a webhook endpoint for the app's events; the answer shows its signing secret, this once */
        post: operations["postPartnerAppWebhooks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/apps/{app_id}/webhooks/{webhook_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook endpoint, with its health and any notice for its owner */
        get: operations["getPartnerAppWebhook"];
        put?: never;
        post?: never;
        /** Delete a webhook endpoint and its delivery log */
        delete: operations["deletePartnerAppWebhook"];
        options?: never;
        head?: never;
        /** Change a webhook endpoint: URL, event types, description, or enabled (re-enabling one disabled for failing) */
        patch: operations["patchPartnerAppWebhook"];
        trace?: never;
    };
    "/v1/partners/{id}/apps/{app_id}/webhooks/{webhook_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log, newest first: each event sent and its attempts (time, status or error, latency, the start of the answer) */
        get: operations["getPartnerAppWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/apps/{app_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a finished delivery again (a new delivery, the same webhook-id) */
        post: operations["postPartnerAppWebhookDeliveryRedeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/apps/{app_id}/webhooks/{webhook_id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the signing secret; the old one keeps signing (a second signature on each event) for 24 hours */
        post: operations["postPartnerAppWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/apps/{app_id}/webhooks/{webhook_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a ping event to this endpoint; its outcome shows in the delivery log */
        post: operations["postPartnerAppWebhookTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team's open invitations (admins) */
        get: operations["getPartnerInvitations"];
        put?: never;
        /**
         * Invite a person to the team by handle (admins)
         * @description They join once they accept (GET /v1/me/partner-invitations). An invitation lapses after 14 days; a team holds at most 50 people, open invitations included.
         */
        post: operations["postPartnerInvitations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/invitations/{invitation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an open invitation (admins) */
        delete: operations["deletePartnerInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The partner's team */
        get: operations["getPartnerMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (admins), or leave the team yourself; the team keeps at least one admin */
        delete: operations["deletePartnerMember"];
        options?: never;
        head?: never;
        /** Change a member's role (admins); the team keeps at least one admin */
        patch: operations["patchPartnerMember"];
        trace?: never;
    };
    "/v1/partners/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A partner's streams, listeners, skips and time played over a range
         * @description streams, listeners (distinct, exact), monthly_listeners (distinct over the 28 days ending at `to`), skips, skip_rate (skips / (streams + skips), null without plays) and ms_played, each as {value, previous, change, change_reason} as for artist statistics. Counted from listens submitted with the access tokens of the partner's apps (verified attribution: the app is looked up from the token's client id, never taken from what a client claims), whose track is in the catalog. A stream is a play of at least 30 seconds; a shorter play is a skip. Ranges as for artist statistics: whole UTC days; range=24h is the last whole day against the day before; 7d, 28d, 90d and 365d end today; all starts at the first day with data (or the partner’s creation), at most 1096 days back. Or from/to: UTC days, both inclusive, at most 3 years, not after today. Default 28d. Every answer gives the resolved days and the previous period: the same number of days right before. JSON, or a CSV download with `Accept: text/csv` or `format=csv` (header row, RFC 4180 quoting, formula-like text neutralised); an Accept that allows neither is 406. Every answer carries an ETag and is answered 304 to an If-None-Match naming it. In CSV: one row per metric. Readable by the partner's admins and analysts (not its developers), and by the partner's own apps acting for themselves (client credentials) with partner-analytics:read; anyone else is told 404, as if the partner did not exist.
         */
        get: operations["getPartnerStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/stats/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A partner's listening per app and device class
         * @description Per app and the device class it had when the listens were submitted (car, speaker, tv, wearable, other, or unspecified): streams, previous_streams, listeners (distinct, exact), skips, skip_rate and ms_played; then per device class over all of the partner's apps (a listener of two apps of one class counts once). An app deleted since is listed with name null. Counted from listens submitted with the access tokens of the partner's apps (verified attribution: the app is looked up from the token's client id, never taken from what a client claims), whose track is in the catalog. A stream is a play of at least 30 seconds; a shorter play is a skip. Ranges as for artist statistics: whole UTC days; range=24h is the last whole day against the day before; 7d, 28d, 90d and 365d end today; all starts at the first day with data (or the partner’s creation), at most 1096 days back. Or from/to: UTC days, both inclusive, at most 3 years, not after today. Default 28d. Every answer gives the resolved days and the previous period: the same number of days right before. JSON, or a CSV download with `Accept: text/csv` or `format=csv` (header row, RFC 4180 quoting, formula-like text neutralised); an Accept that allows neither is 406. Every answer carries an ETag and is answered 304 to an If-None-Match naming it. In CSV: level app rows, then level device_class rows. Readable by the partner's admins and analysts (not its developers), and by the partner's own apps acting for themselves (client credentials) with partner-analytics:read; anyone else is told 404, as if the partner did not exist.
         */
        get: operations["getPartnerStatsApps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/stats/audience": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A partner's audience by country, age or gender, with small cells suppressed
         * @description As the artist audience, for the listeners of the partner's apps (their Chorus profile on the day of the stream): per value, listeners, listener_share, streams and stream_share. k-anonymity (k = the configured minimum, answered as `k`) is applied to each UTC day over all of the partner's apps: a value with fewer than k distinct listeners on a day is hidden for that day, and further values of that day are hidden, smallest first, until the hidden ones are at least two and hold at least k listeners; a value's numbers count only the days it is shown on. Hidden listens count in the totals and in unattributed_listeners and unattributed_streams. Age and gender list every value, {value, suppressed: true} when nothing is shown; countries list the shown ones only. Counted from listens submitted with the access tokens of the partner's apps (verified attribution: the app is looked up from the token's client id, never taken from what a client claims), whose track is in the catalog. A stream is a play of at least 30 seconds; a shorter play is a skip. Ranges as for artist statistics: whole UTC days; range=24h is the last whole day against the day before; 7d, 28d, 90d and 365d end today; all starts at the first day with data (or the partner’s creation), at most 1096 days back. Or from/to: UTC days, both inclusive, at most 3 years, not after today. Default 28d. Every answer gives the resolved days and the previous period: the same number of days right before. JSON, or a CSV download with `Accept: text/csv` or `format=csv` (header row, RFC 4180 quoting, formula-like text neutralised); an Accept that allows neither is 406. Every answer carries an ETag and is answered 304 to an If-None-Match naming it. In CSV a suppressed cell has empty numbers and suppressed=true. Readable by the partner's admins and analysts (not its developers), and by the partner's own apps acting for themselves (client credentials) with partner-analytics:read; anyone else is told 404, as if the partner did not exist.
         */
        get: operations["getPartnerStatsAudience"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/stats/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Today's streams of a partner and each of its apps, live (Server-Sent Events)
         * @description A text/event-stream. On connect: a `retry:` hint, then one `streams` event with today's (UTC) streams and skips through the partner's apps, in all and per app: {partner_id, day, streams, skips, apps: [{app_id, name, streams, skips}], at}. Then a new `streams` event within seconds whenever aggregation applies listens of the partner, on any API instance; at most one count a second per partner, changes in between coalesced. A comment line every 15 seconds keeps the connection open. The stream ends with a last `closed` event ({reason: token_expired}) when the access token it was opened with expires. A caller may hold a limited number of live streams at once: beyond, 429 with Retry-After. Counted from listens submitted with the access tokens of the partner's apps (verified attribution: the app is looked up from the token's client id, never taken from what a client claims), whose track is in the catalog. A stream is a play of at least 30 seconds; a shorter play is a skip. Readable by the partner's admins and analysts (not its developers), and by the partner's own apps acting for themselves (client credentials) with partner-analytics:read; anyone else is told 404, as if the partner did not exist.
         */
        get: operations["getPartnerStatsLive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/stats/timeseries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of a partner's metrics per day, ISO week or month
         * @description metric: streams, listeners (distinct within each bucket), skips or ms_played (default streams); granularity day, week (ISO) or month, UTC; every bucket of the range, zero-filled, clipped to the range. Counted from listens submitted with the access tokens of the partner's apps (verified attribution: the app is looked up from the token's client id, never taken from what a client claims), whose track is in the catalog. A stream is a play of at least 30 seconds; a shorter play is a skip. Ranges as for artist statistics: whole UTC days; range=24h is the last whole day against the day before; 7d, 28d, 90d and 365d end today; all starts at the first day with data (or the partner’s creation), at most 1096 days back. Or from/to: UTC days, both inclusive, at most 3 years, not after today. Default 28d. Every answer gives the resolved days and the previous period: the same number of days right before. JSON, or a CSV download with `Accept: text/csv` or `format=csv` (header row, RFC 4180 quoting, formula-like text neutralised); an Accept that allows neither is 406. Every answer carries an ETag and is answered 304 to an If-None-Match naming it. Readable by the partner's admins and analysts (not its developers), and by the partner's own apps acting for themselves (client credentials) with partner-analytics:read; anyone else is told 404, as if the partner did not exist.
         */
        get: operations["getPartnerStatsTimeseries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/stats/top-artists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The artists most streamed through a partner’s apps
         * @description The top `limit` (1 to 100, default 20) artists by streams through the partner's apps in the range, with their share of the partner's streams; total_artists says how many there were. These are counts of what the partner's own apps submitted, so no audience rule applies. Counted from listens submitted with the access tokens of the partner's apps (verified attribution: the app is looked up from the token's client id, never taken from what a client claims), whose track is in the catalog. A stream is a play of at least 30 seconds; a shorter play is a skip. Ranges as for artist statistics: whole UTC days; range=24h is the last whole day against the day before; 7d, 28d, 90d and 365d end today; all starts at the first day with data (or the partner’s creation), at most 1096 days back. Or from/to: UTC days, both inclusive, at most 3 years, not after today. Default 28d. Every answer gives the resolved days and the previous period: the same number of days right before. JSON, or a CSV download with `Accept: text/csv` or `format=csv` (header row, RFC 4180 quoting, formula-like text neutralised); an Accept that allows neither is 406. Every answer carries an ETag and is answered 304 to an If-None-Match naming it. Readable by the partner's admins and analysts (not its developers), and by the partner's own apps acting for themselves (client credentials) with partner-analytics:read; anyone else is told 404, as if the partner did not exist.
         */
        get: operations["getPartnerStatsTopArtists"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{id}/stats/top-tracks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tracks most streamed through a partner’s apps
         * @description The top `limit` (1 to 100, default 20) tracks by streams through the partner's apps in the range, with their artist and share of the partner's streams; total_tracks says how many there were. Counted from listens submitted with the access tokens of the partner's apps (verified attribution: the app is looked up from the token's client id, never taken from what a client claims), whose track is in the catalog. A stream is a play of at least 30 seconds; a shorter play is a skip. Ranges as for artist statistics: whole UTC days; range=24h is the last whole day against the day before; 7d, 28d, 90d and 365d end today; all starts at the first day with data (or the partner’s creation), at most 1096 days back. Or from/to: UTC days, both inclusive, at most 3 years, not after today. Default 28d. Every answer gives the resolved days and the previous period: the same number of days right before. JSON, or a CSV download with `Accept: text/csv` or `format=csv` (header row, RFC 4180 quoting, formula-like text neutralised); an Accept that allows neither is 406. Every answer carries an ETag and is answered 304 to an If-None-Match naming it. Readable by the partner's admins and analysts (not its developers), and by the partner's own apps acting for themselves (client credentials) with partner-analytics:read; anyone else is told 404, as if the partner did not exist.
         */
        get: operations["getPartnerStatsTopTracks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/playlist-invites/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Preview an invitation link without accepting it: the playlist, its owner, the role offered and the expiry
         * @description No token needed: the link is the secret. An unknown, expired, revoked or used-up link is 404.
         */
        get: operations["getPlaylistInvite"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/playlist-invites/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation link: join the playlist with the invitation's role */
        post: operations["postPlaylistInviteAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/playlists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a playlist (you own it); an Idempotency-Key makes a retry answer the first result */
        post: operations["postPlaylists"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/playlists/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a playlist (public ones without a token); its ETag starts with its snapshot_id, and If-None-Match answers 304 */
        get: operations["getPlaylist"];
        put?: never;
        post?: never;
        /** Delete a playlist (the owner) */
        delete: operations["deletePlaylist"];
        options?: never;
        head?: never;
        /** Change name, description, visibility or the collaborative flag (the owner); If-Match honoured */
        patch: operations["patchPlaylist"];
        trace?: never;
    };
    "/v1/playlists/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The change log: who did what (item ids and resulting positions), when, and the snapshot it made */
        get: operations["getPlaylistActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/playlists/{id}/collaborators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List collaborators (owner included) with what each contributed */
        get: operations["getPlaylistCollaborators"];
        put?: never;
        /**
         * Add a collaborator by user_id, or invite one by handle, as editor, contributor or viewer (the owner; at most 100 members)
         * @description With user_id the user is added at once (201, the collaborator). With handle the person is invited (202, the invitation): they find it under GET /v1/me/playlist-invitations and join only if they accept it, so no one is made a collaborator without consenting. At most one pending invitation per person (409 already_invited).
         */
        post: operations["postPlaylistCollaborators"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/playlists/{id}/collaborators/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a collaborator (the owner), or leave the playlist (your own user id) */
        delete: operations["deletePlaylistCollaborator"];
        options?: never;
        head?: never;
        /** Change a collaborator's role (the owner); role owner transfers ownership and makes you an editor */
        patch: operations["patchPlaylistCollaborator"];
        trace?: never;
    };
    "/v1/playlists/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live changes as Server-Sent Events (id: activity seq); send Last-Event-ID to catch up first
         * @description The stream ends with a last `closed` event ({reason}) when the access token it was opened with expires (token_expired: reconnect with a fresh token and Last-Event-ID) or when the caller may no longer see the playlist (access_revoked). A caller (a user, else an address) may hold a limited number of live streams at once, and so may the server: beyond either, 429 with Retry-After.
         */
        get: operations["getPlaylistEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/playlists/{id}/followers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Follow a playlist you can see */
        put: operations["putPlaylistFollowers"];
        post?: never;
        /** Stop following a playlist */
        delete: operations["deletePlaylistFollowers"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/playlists/{id}/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List invitation links (the owner); tokens are never shown again */
        get: operations["getPlaylistInvites"];
        put?: never;
        /** Create an invitation link with a role, an expiry and optionally a number of uses (the owner) */
        post: operations["postPlaylistInvites"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/playlists/{id}/invites/{invite_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an invitation link (the owner) */
        delete: operations["deletePlaylistInvite"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/playlists/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List items in playlist order (cursor or offset), or by net votes with sort=votes; If-None-Match answers 304 */
        get: operations["getPlaylistItems"];
        /** Reorder with Spotify's semantics (range_start, insert_before, range_length) or replace the list (track_ids); If-Match or snapshot_id */
        put: operations["putPlaylistItems"];
        /** Add up to 100 tracks at the end, at a position (If-Match honoured) or after an item */
        post: operations["postPlaylistItems"];
        /** Remove items by item_ids, or every occurrence of track_ids (contributors: only their own); snapshot_id or If-Match makes it conditional */
        delete: operations["deletePlaylistItems"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/playlists/{id}/items/{item_id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an item right before or after another, wherever both are now */
        post: operations["postPlaylistItemMove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/playlists/{id}/items/{item_id}/vote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Vote an item up or down (members; one vote per member per item) */
        put: operations["putPlaylistItemVote"];
        post?: never;
        /** Withdraw your vote on an item */
        delete: operations["deletePlaylistItemVote"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/playlists/{id}/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tracks that fit: co-listened with the playlist's tracks (last 90 days), else by the same artists
         * @description A co-listened suggestion rests on at least k distinct listeners (k: the configured audience minimum, 10 by default), so no suggestion tells what one person or a few people listen to; score is that number of listeners.
         */
        get: operations["getPlaylistSuggestions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/releases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a release with its artist and tracks */
        get: operations["getRelease"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/releases/{id}/tracks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a track to a release (team editors and admins) */
        post: operations["postReleaseTracks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search artists, releases and tracks by name
         * @description Case- and accent-insensitive ("bjork" finds "Björk"); exact matches first, then prefixes, then the rest. Only the asked kinds are answered.
         */
        get: operations["getSearch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tracks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a track with its artist, release and credits */
        get: operations["getTrack"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a track (team editors and admins); credits replace the list */
        patch: operations["patchTrack"];
        trace?: never;
    };
    "/v1/tracks/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A track's streams, listeners, monthly listeners, skips, saves and playlist adds over a range
         * @description The same numbers as an artist's statistics, for one track: streams: plays of at least 30 seconds. listeners: distinct listeners with at least one stream in the range (exact). monthly_listeners: distinct listeners with at least one stream in the rolling 28 days ending at `to` (previous: ending at previous_to). skips: plays shorter than 30 seconds. skip_rate: skips / (streams + skips), null without plays. saves: tracks saved (loved) by listeners, counted on the day of the save. playlist_adds: times a track was added to a playlist. ms_played: milliseconds played by streams and skips together. Each as {value, previous, change, change_reason}: change = (value - previous) / previous, or null with change_reason when the two cannot be compared: the previous period lies (wholly or in part) before the first day with data, or previous is 0. Rollups are daily, so ranges are whole UTC days: range=24h is the last whole day (yesterday, UTC) against the day before, so that it compares like with like (today so far is the live counter's, or from=to=today); 7d the last 7 days including today, likewise 28d, 90d and 365d; all starts at the first day with data (or the creation day), at most 1096 days (3 years) before today. Or from/to: UTC days, both inclusive, to ≥ from, at most 3 years, not after today. Default 28d. Every answer gives the resolved from, to and days, and the previous period: the same number of days right before. JSON, or a CSV download with `Accept: text/csv` or `format=csv` (header row, RFC 4180 quoting, text that a spreadsheet would run as a formula prefixed with a single quote, Content-Disposition attachment); an Accept that allows neither is 406. Every answer carries an ETag (a hash of what was sent) and is answered 304 Not Modified to an If-None-Match naming it. In CSV: one row per metric. Readable by the team of the track's artist (any role) and platform admins; anyone else is told 404.
         */
        get: operations["getTrackStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tracks/{id}/stats/timeseries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of a track's metrics per day, ISO week or month
         * @description As the artist timeseries, for one track: metric streams, listeners (distinct within each bucket), skips, saves, playlist_adds or ms_played; granularity day, week (ISO, Monday to Sunday) or month, UTC, zero-filled. Rollups are daily, so ranges are whole UTC days: range=24h is the last whole day (yesterday, UTC) against the day before, so that it compares like with like (today so far is the live counter's, or from=to=today); 7d the last 7 days including today, likewise 28d, 90d and 365d; all starts at the first day with data (or the creation day), at most 1096 days (3 years) before today. Or from/to: UTC days, both inclusive, to ≥ from, at most 3 years, not after today. Default 28d. Every answer gives the resolved from, to and days, and the previous period: the same number of days right before. JSON, or a CSV download with `Accept: text/csv` or `format=csv` (header row, RFC 4180 quoting, text that a spreadsheet would run as a formula prefixed with a single quote, Content-Disposition attachment); an Accept that allows neither is 406. Every answer carries an ETag (a hash of what was sent) and is answered 304 Not Modified to an If-None-Match naming it. Readable by the team of the track's artist (any role) and platform admins; anyone else is told 404.
         */
        get: operations["getTrackStatsTimeseries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{handle}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A public profile
         * @description Anyone may read it: the display name, the handle, whether the listening history is public, and the public playlists the person owns.
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every webhook event type with the JSON Schema of its body */
        get: operations["getWebhookEventTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = {
    "connection.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A listener connected the app
         * @description A listener approved the app (OAuth consent), or approved it again after disconnecting it. Approving more scopes while connected is not a new connection.
         *
         *     Signed per Standard Webhooks: `webhook-signature` holds `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` with the endpoint secret (two entries while a rotated secret is still valid). Answer 2xx within 10 seconds; anything else is retried for about 27 hours.
         */
        post: operations["webhookConnectionCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "connection.revoked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A listener disconnected the app
         * @description A listener disconnected the app (DELETE /v1/me/connections/{client_id}): its grants and tokens for them are gone; forget what it stored for them that it may not keep.
         *
         *     Signed per Standard Webhooks: `webhook-signature` holds `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` with the endpoint secret (two entries while a rotated secret is still valid). Answer 2xx within 10 seconds; anything else is retried for about 27 hours.
         */
        post: operations["webhookConnectionRevoked"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "insight.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new insight for the artist
         * @description An insight was added to the artist's feed: a trend, milestone, anomaly, audience shift, playlist momentum or forecast. Each insight is sent once.
         *
         *     Signed per Standard Webhooks: `webhook-signature` holds `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` with the endpoint secret (two entries while a rotated secret is still valid). Answer 2xx within 10 seconds; anything else is retried for about 27 hours.
         */
        post: operations["webhookInsightCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "milestone.reached": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The artist or a track crossed a round number
         * @description The artist or one of its tracks reached a round number of all-time streams or listeners (also sent as insight.created of type milestone).
         *
         *     Signed per Standard Webhooks: `webhook-signature` holds `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` with the endpoint secret (two entries while a rotated secret is still valid). Answer 2xx within 10 seconds; anything else is retried for about 27 hours.
         */
        post: operations["webhookMilestoneReached"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    ping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A test event
         * @description Sent to one endpoint when its owner asks (POST .../webhooks/{webhook_id}/test).
         *
         *     Signed per Standard Webhooks: `webhook-signature` holds `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` with the endpoint secret (two entries while a rotated secret is still valid). Answer 2xx within 10 seconds; anything else is retried for about 27 hours.
         */
        post: operations["webhookPing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "playlist.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A playlist the app's listeners share with it changed
         * @description A playlist owned by, or shared with, a listener who connected the app with playlists:read changed: its details or its items. One event per new snapshot and app, whoever made the change (who it was is never said).
         *
         *     Signed per Standard Webhooks: `webhook-signature` holds `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` with the endpoint secret (two entries while a rotated secret is still valid). Answer 2xx within 10 seconds; anything else is retried for about 27 hours.
         */
        post: operations["webhookPlaylistUpdated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "stats.daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Yesterday's summary is final
         * @description The artist's totals for a UTC day, sent once after midnight UTC to artists with listens that day.
         *
         *     Signed per Standard Webhooks: `webhook-signature` holds `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` with the endpoint secret (two entries while a rotated secret is still valid). Answer 2xx within 10 seconds; anything else is retried for about 27 hours.
         */
        post: operations["webhookStatsDaily"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "track.playlisted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One of the artist's tracks was added to a public playlist
         * @description One of the artist's tracks was added to a public playlist. Who added it is never said.
         *
         *     Signed per Standard Webhooks: `webhook-signature` holds `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` with the endpoint secret (two entries while a rotated secret is still valid). Answer 2xx within 10 seconds; anything else is retried for about 27 hours.
         */
        post: operations["webhookTrackPlaylisted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type components = {
    schemas: {
        /** @description Exactly one of user_id (added at once, as before) and handle (invited: they join when they accept). */
        AddCollaborator: {
            /** @description With handle: how long the invitation stands, from 1 minute to 30 days; default 7 days. */
            expires_in_seconds?: number;
            /** @description A person's public handle (letter case does not matter). */
            handle?: string;
            /** @enum {unknown} */
            role: "editor" | "contributor" | "viewer";
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            user_id?: string;
        };
        AddPlaylistItems: {
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            after_item_id?: string;
            /** @description Insert at this index (position-based: honours If-Match). */
            position?: number;
            /** @description Catalog track ids, at most 100. */
            track_ids: string[];
        };
        AdminPartnerApp: {
            /** @description People allowed in development mode besides the partner's members (at most 25). */
            allow_list: {
                count: number;
                limit: number;
            };
            /** @description The OAuth client id: `chorus_` and 22 URL-safe characters. */
            client_id: string;
            /**
             * @description confidential: runs on a server that keeps a client secret; public: a native, device or browser app that cannot keep one.
             * @enum {unknown}
             */
            client_type: "confidential" | "public";
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            description: string | null;
            device_class: ("car" | "speaker" | "tv" | "wearable" | "other") | null;
            grant_types: ("authorization_code" | "refresh_token" | "urn:ietf:params:oauth:grant-type:device_code" | "client_credentials")[];
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            logo_url: string | null;
            /**
             * @description production once a platform admin approved the app; development before, in review and after a rejection.
             * @enum {unknown}
             */
            mode: "development" | "production";
            name: string;
            partner: {
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                id: string;
                kind: string;
                name: string;
                verified: boolean;
            };
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            partner_id: string;
            redirect_uris: string[];
            review: {
                note: string | null;
                requested_at: string | null;
                reviewed_at: string | null;
                reviewed_by: {
                    display_name: string;
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    user_id: string;
                } | null;
                /**
                 * @description development: allow-listed people only, development limits; in_review: waiting for a platform admin; production: anyone, production limits; rejected: development again, with the reviewer’s note.
                 * @enum {unknown}
                 */
                state: "development" | "in_review" | "production" | "rejected";
            };
            scopes: string[];
            secret: {
                /**
                 * Format: date-time
                 * @description RFC 3339, UTC.
                 */
                created_at: string;
                /** @description The first characters of the current secret. */
                hint: string;
                previous_valid_until: string | null;
            } | null;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            updated_at: string;
        };
        AdminPartnerAppPage: {
            items: components["schemas"]["AdminPartnerApp"][];
            next_cursor: string | null;
        };
        AllowAppUser: {
            /** @description A person's handle, with or without a leading @ (letter case does not matter). */
            handle: string;
        };
        AllowedAppUser: {
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            added_at: string;
            display_name: string;
            handle: string;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            user_id: string;
        };
        /** @description The people a development-mode app may serve besides the partner's own members (who are allowed implicitly and not counted). */
        AppAllowList: {
            items: components["schemas"]["AllowedAppUser"][];
            limit: number;
            next_cursor: string | null;
        };
        AppReview: {
            /** @enum {unknown} */
            action: "requested" | "approved" | "rejected";
            by: {
                display_name: string;
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                user_id: string;
            } | null;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            note: string | null;
            /** @description The approval also verified the partner. */
            verified_partner: boolean;
        };
        /** @description A rejection needs a note telling the partner why. */
        AppReviewDecision: {
            /** @enum {unknown} */
            decision: "approve" | "reject";
            /** @description Trimmed; up to 2000 characters. */
            note?: string;
            /** @description Also mark the app’s partner verified. */
            verify_partner?: boolean;
        };
        /** @description The app’s review history, oldest first. */
        AppReviewList: {
            items: components["schemas"]["AppReview"][];
            next_cursor: string | null;
        };
        AppReviewRequest: {
            /** @description Trimmed; up to 2000 characters. */
            note: string;
        };
        /** @description Requests per UTC day and route group; counted within seconds of each request. */
        AppUsage: {
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            app_id: string;
            /** @description Days with any request, in order. */
            days: {
                /**
                 * Format: date
                 * @description A UTC calendar day, YYYY-MM-DD.
                 */
                day: string;
                /** @description Answers with a 4xx or 5xx status, 429s included. */
                errors: number;
                /** @description 429 answers (rate limit or quota). */
                rate_limited: number;
                requests: number;
                route_groups: {
                    /** @description Answers with a 4xx or 5xx status, 429s included. */
                    errors: number;
                    /** @description 429 answers (rate limit or quota). */
                    rate_limited: number;
                    requests: number;
                    /** @description The first path segment after /v1, e.g. listens. */
                    route_group: string;
                }[];
            }[];
            /**
             * Format: date
             * @description A UTC calendar day, YYYY-MM-DD.
             */
            from: string;
            limits: {
                app: {
                    limit: number;
                    window_seconds: number;
                };
                enforced: boolean;
                per_user: {
                    limit: number;
                    window_seconds: number;
                };
                quota: {
                    limit: number;
                    window_seconds: number;
                } | null;
            };
            /** @enum {unknown} */
            mode: "development" | "production";
            /**
             * Format: date
             * @description A UTC calendar day, YYYY-MM-DD.
             */
            to: string;
            totals: {
                /** @description Answers with a 4xx or 5xx status, 429s included. */
                errors: number;
                /** @description 429 answers (rate limit or quota). */
                rate_limited: number;
                requests: number;
            };
        };
        Artist: {
            bio: string | null;
            country: string | null;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            genres: string[];
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            name: string;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            updated_at: string;
            /** @description A platform admin has confirmed the artist is who they say; name matching prefers verified artists. */
            verified: boolean;
        };
        ArtistDetail: {
            bio: string | null;
            country: string | null;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            genres: string[];
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            name: string;
            releases: {
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                id: string;
                release_date: string | null;
                title: string;
                /** @enum {unknown} */
                type: "album" | "single" | "ep" | "compilation";
            }[];
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            updated_at: string;
            /** @description A platform admin has confirmed the artist is who they say; name matching prefers verified artists. */
            verified: boolean;
        };
        /** @description A pending invitation, as the team admins see it. */
        ArtistInvitation: {
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            artist_id: string;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            display_name: string | null;
            email: string | null;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            expires_at: string;
            handle: string | null;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            invited_by: {
                display_name: string;
                handle: string;
            } | null;
            /**
             * @description admin: manages the team and everything editors do; editor: edits the profile and catalog; reader: reads team-only things.
             * @enum {unknown}
             */
            role: "admin" | "editor" | "reader";
        };
        ArtistInvitationPage: {
            items: components["schemas"]["ArtistInvitation"][];
            next_cursor: string | null;
        };
        ArtistMember: {
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            display_name: string;
            /**
             * @description admin: manages the team and everything editors do; editor: edits the profile and catalog; reader: reads team-only things.
             * @enum {unknown}
             */
            role: "admin" | "editor" | "reader";
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            user_id: string;
        };
        ArtistMemberPage: {
            items: components["schemas"]["ArtistMember"][];
            next_cursor: string | null;
        };
        ChangeArtistMember: {
            /**
             * @description admin: manages the team and everything editors do; editor: edits the profile and catalog; reader: reads team-only things.
             * @enum {unknown}
             */
            role: "admin" | "editor" | "reader";
        };
        ChangeCollaborator: {
            /**
             * @description owner: everything; editor: add, remove, reorder, vote; contributor: add and vote, remove only what they added; viewer: read and vote.
             * @enum {unknown}
             */
            role: "owner" | "editor" | "contributor" | "viewer";
        };
        ChangePartnerMember: {
            /**
             * @description admin: everything, the team and the organisation included; developer: creates and edits apps, their secrets, allow-lists and review requests; analyst: reads apps and usage.
             * @enum {unknown}
             */
            role: "admin" | "developer" | "analyst";
        };
        /** @description The track that is to hold the ISRC. */
        ClaimIsrc: {
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            track_id: string;
        };
        /** @description The previous secret keeps working until previous_valid_until, so deployments can switch over. */
        ClientSecretRotated: {
            client_id: string;
            /** @description The new secret, shown this once. */
            client_secret: string;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            previous_valid_until: string | null;
        };
        Collaborator: {
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            added_at: string;
            contributions: {
                items_added: number;
                items_removed: number;
                moves: number;
                votes: number;
            };
            display_name: string;
            /**
             * @description owner: everything; editor: add, remove, reorder, vote; contributor: add and vote, remove only what they added; viewer: read and vote.
             * @enum {unknown}
             */
            role: "owner" | "editor" | "contributor" | "viewer";
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            user_id: string;
        };
        CollaboratorPage: {
            items: components["schemas"]["Collaborator"][];
            next_cursor: string | null;
        };
        /** @description A partner app you connected to your account. */
        Connection: {
            app_name: string;
            /** @description The app’s OAuth client id. */
            client_id: string;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            last_used_at: string;
            /** @description The organisation that makes the app. */
            partner_name: string;
            /** @description Chorus verified the organisation is who it says. */
            partner_verified: boolean;
            /** @description What you allowed the app to do. */
            scopes: string[];
        };
        ConnectionPage: {
            items: components["schemas"]["Connection"][];
            next_cursor: string | null;
        };
        CreateArtist: {
            /** @description Trimmed; up to 5000 characters. */
            bio?: string;
            /** @description ISO 3166-1 alpha-2. */
            country?: string;
            /** @description Up to 10 genres. */
            genres?: string[];
            /** @description Trimmed; 1 to 200 characters. */
            name: string;
        };
        CreatePartner: {
            /**
             * @description automotive: car makers and in-car systems; telecom: carriers bundling Chorus; device: speakers, TVs, wearables; app: software developers.
             * @enum {unknown}
             */
            kind: "automotive" | "telecom" | "device" | "app";
            /** @description Trimmed; 1 to 100 characters. */
            name: string;
            /** @description The organisation’s website (https). */
            website_url: string;
        };
        /** @description device_class is needed with the device_code grant; client_credentials needs a confidential client. */
        CreatePartnerApp: {
            /**
             * @description confidential: runs on a server that keeps a client secret; public: a native, device or browser app that cannot keep one.
             * @enum {unknown}
             */
            client_type: "confidential" | "public";
            /** @description Trimmed; up to 2000 characters. */
            description?: string;
            /** @enum {unknown} */
            device_class?: "car" | "speaker" | "tv" | "wearable" | "other";
            grant_types: ("authorization_code" | "refresh_token" | "urn:ietf:params:oauth:grant-type:device_code" | "client_credentials")[];
            /** @description A logo shown on the consent page (https). */
            logo_url?: string;
            /** @description Trimmed; 1 to 100 characters; shown on the consent page. */
            name: string;
            /** @description Exact strings, compared exactly. https, or http on a loopback address (http://127.0.0.1, http://[::1], http://localhost; any port) for native apps as RFC 8252 allows; no fragments, no wildcards. At most 10; needed by authorization_code and used by nothing else. */
            redirect_uris?: string[];
            /** @description The scopes the app may ask for. An app with client_credentials only may hold only scopes a partner app can hold for itself (partner:manage, partner-analytics:read). */
            scopes: ("profile:read" | "profile:write" | "listens:read" | "listens:write" | "playlists:read" | "playlists:write" | "artists:manage" | "artist-analytics:read" | "partner:manage" | "partner-analytics:read")[];
        };
        CreatePersonalToken: {
            /** @description What the token is for, e.g. the scrobbler it is pasted into. */
            name: string;
            /** @description What the token may do on /v1 and the ListenBrainz-compatible API; by default listens:read and listens:write (what a scrobbler needs). */
            scopes?: components["schemas"]["PersonalTokenScope"][];
        };
        CreatePlaylist: {
            /** @description Marks a co-curated playlist; default false. */
            collaborative?: boolean;
            /** @description Up to 2000 characters; empty clears it. */
            description?: string;
            /** @description Trimmed; 1 to 200 characters. */
            name: string;
            /**
             * @description private: only collaborators see it (everyone else gets 404); public: anyone can read it, even without a token.
             * @enum {unknown}
             */
            visibility?: "private" | "public";
        };
        CreatePlaylistInvite: {
            /** @description From 1 minute to 30 days; default 7 days. */
            expires_in_seconds?: number;
            /** @description Default: no limit until it expires. */
            max_uses?: number;
            /** @enum {unknown} */
            role: "editor" | "contributor" | "viewer";
        };
        CreateRelease: {
            /**
             * Format: date
             * @description A UTC calendar day, YYYY-MM-DD.
             */
            release_date?: string;
            /** @description Trimmed; 1 to 200 characters. */
            title: string;
            /** @enum {unknown} */
            type: "album" | "single" | "ep" | "compilation";
        };
        /** @description release_date defaults to the release's; track_number to the next free one. */
        CreateTrack: {
            /** @description Up to 50 credits; each artist and role at most once. */
            credits?: {
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                artist_id: string;
                /** @enum {unknown} */
                role: "featured" | "producer" | "writer" | "composer" | "remixer" | "performer";
            }[];
            /** @description Milliseconds, at most one day. */
            duration_ms: number;
            /** @description ISRC without dashes, e.g. GBAYE0601498; stored uppercased and unique across the catalog. */
            isrc?: string;
            /**
             * Format: date
             * @description A UTC calendar day, YYYY-MM-DD.
             */
            release_date?: string;
            /** @description Trimmed; 1 to 200 characters. */
            title: string;
            track_number?: number;
        };
        /** @description Exactly one of handle and email. An invitation by email is answered the same whether or not the address has an account; the person with that email sees it once they sign in. */
        InviteArtistMember: {
            /**
             * Format: email
             * @description Compared without letter case.
             */
            email?: string;
            /** @description A person's public handle (compared without letter case). */
            handle?: string;
            /**
             * @description admin: manages the team and everything editors do; editor: edits the profile and catalog; reader: reads team-only things.
             * @enum {unknown}
             */
            role: "admin" | "editor" | "reader";
        };
        InvitePartnerMember: {
            /** @description A person's handle, with or without a leading @ (letter case does not matter). */
            handle: string;
            /**
             * @description admin: everything, the team and the organisation included; developer: creates and edits apps, their secrets, allow-lists and review requests; analyst: reads apps and usage.
             * @enum {unknown}
             */
            role: "admin" | "developer" | "analyst";
        };
        IsrcClaim: {
            isrc: string;
            /** @description Listens of the previous track carrying this ISRC, now the track's with their counts; any that ingestion wrote meanwhile follow within seconds. */
            moved_listens: number;
            previous_track_id: string | null;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            track_id: string;
        };
        /** @description A JSON Web Key Set (RFC 7517) of the public keys access tokens are signed with. */
        Jwks: {
            keys: {
                alg: string;
                crv: string;
                kid: string;
                kty: string;
                use: string;
                x: string;
            }[];
        };
        Listen: {
            artist_name: string | null;
            client: string | null;
            context: {
                id: string | null;
                type: string;
            };
            is_stream: boolean;
            isrc: string | null;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            listened_at: string;
            matched: boolean;
            ms_played: number;
            platform: string;
            release_name: string | null;
            track: {
                artist: {
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    id: string;
                    name: string;
                };
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                id: string;
                title: string;
            } | null;
            track_name: string | null;
        };
        ListenBrainzLatestImport: {
            /**
             * @description The service imported from; default lastfm.
             * @enum {unknown}
             */
            service?: "spotify" | "critiquebrainz" | "musicbrainz" | "lastfm" | "librefm" | "soundcloud" | "apple" | "musicbrainz_prod" | "musicbrainz_beta" | "musicbrainz_test";
            /** @description Unix seconds of the newest listen imported; the mark only moves forward. */
            ts: number;
        };
        /** @description ListenBrainz's submission: at most 10240000 bytes in all, 10240 per listen. */
        ListenBrainzSubmission: {
            /** @enum {unknown} */
            listen_type: "single" | "playing_now" | "import";
            /** @description single and playing_now: exactly one listen; import: up to 1,000. */
            payload: {
                /** @description Unix seconds, read as Python int() reads it (a numeric string or a float too); from 2002-10-01 to an hour ahead. Absent for playing_now. */
                listened_at?: number | string;
                track_metadata: {
                    /** @description MBIDs, isrc, duration_ms, tags (at most 50 of 64 characters), submission_client, media_player, music_service (128 characters each) and any other keys ListenBrainz keeps. */
                    additional_info?: {
                        [key: string]: unknown;
                    };
                    artist_name: string;
                    release_name?: string;
                    track_name: string;
                };
            }[];
        };
        ListenPage: {
            items: components["schemas"]["Listen"][];
            next_cursor: string | null;
        };
        Login: {
            /**
             * Format: email
             * @description Compared case-insensitively.
             */
            email: string;
            password: string;
        };
        /** @description Exactly one of before_item_id and after_item_id. */
        MovePlaylistItem: {
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            after_item_id?: string;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            before_item_id?: string;
        };
        MyArtist: {
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            joined_at: string;
            name: string;
            /**
             * @description admin: manages the team and everything editors do; editor: edits the profile and catalog; reader: reads team-only things.
             * @enum {unknown}
             */
            role: "admin" | "editor" | "reader";
            /** @description A platform admin has confirmed the artist is who they say; name matching prefers verified artists. */
            verified: boolean;
        };
        MyArtistInvitation: {
            artist: {
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                id: string;
                name: string;
                /** @description A platform admin has confirmed the artist is who they say; name matching prefers verified artists. */
                verified: boolean;
            };
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            expires_at: string;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            invited_by: {
                display_name: string;
                handle: string;
            } | null;
            /**
             * @description admin: manages the team and everything editors do; editor: edits the profile and catalog; reader: reads team-only things.
             * @enum {unknown}
             */
            role: "admin" | "editor" | "reader";
        };
        MyArtistInvitationPage: {
            items: components["schemas"]["MyArtistInvitation"][];
            next_cursor: string | null;
        };
        MyArtistPage: {
            items: components["schemas"]["MyArtist"][];
            next_cursor: string | null;
        };
        /** @description An invitation to join a partner’s team, as the invited person sees it. */
        MyPartnerInvitation: {
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            expires_at: string;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            invited_by: {
                display_name: string;
            } | null;
            partner: {
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                id: string;
                /**
                 * @description automotive: car makers and in-car systems; telecom: carriers bundling Chorus; device: speakers, TVs, wearables; app: software developers.
                 * @enum {unknown}
                 */
                kind: "automotive" | "telecom" | "device" | "app";
                name: string;
                verified: boolean;
            };
            /**
             * @description admin: everything, the team and the organisation included; developer: creates and edits apps, their secrets, allow-lists and review requests; analyst: reads apps and usage.
             * @enum {unknown}
             */
            role: "admin" | "developer" | "analyst";
        };
        MyPartnerInvitationList: {
            items: components["schemas"]["MyPartnerInvitation"][];
            next_cursor: string | null;
        };
        MyPlaylist: {
            collaborative: boolean;
            collaborator_count: number;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            description: string | null;
            follower_count: number;
            /** @description Whether the caller follows it. */
            following: boolean;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            item_count: number;
            name: string;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            owner_id: string;
            /** @enum {unknown} */
            relation: "owned" | "collaborating" | "followed";
            /** @description The playlist version; also sent as the ETag. Send it back in If-Match on position-based changes. */
            snapshot_id: string;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            updated_at: string;
            /**
             * @description private: only collaborators see it (everyone else gets 404); public: anyone can read it, even without a token.
             * @enum {unknown}
             */
            visibility: "private" | "public";
            your_role: ("owner" | "editor" | "contributor" | "viewer") | null;
        };
        MyPlaylistInvitation: {
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            expires_at: string;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            invited_by: {
                display_name: string;
                /** @description The public, URL-safe handle. */
                handle: string;
            } | null;
            /** @description A person as shown to those who may not see user ids. */
            owner: {
                display_name: string;
                /** @description The public, URL-safe handle. */
                handle: string;
            };
            playlist: {
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                id: string;
                name: string;
            };
            /** @enum {unknown} */
            role: "editor" | "contributor" | "viewer";
        };
        MyPlaylistInvitationPage: {
            items: components["schemas"]["MyPlaylistInvitation"][];
            next_cursor: string | null;
        };
        MyPlaylistPage: {
            items: components["schemas"]["MyPlaylist"][];
            next_cursor: string | null;
        };
        /** @description A partner organisation; `role` is yours on its team (null for a platform admin who is not on it). */
        Partner: {
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            /**
             * @description automotive: car makers and in-car systems; telecom: carriers bundling Chorus; device: speakers, TVs, wearables; app: software developers.
             * @enum {unknown}
             */
            kind: "automotive" | "telecom" | "device" | "app";
            name: string;
            role: ("admin" | "developer" | "analyst") | null;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            updated_at: string;
            /** @description A platform admin checked that the organisation is who it says. */
            verified: boolean;
            verified_at: string | null;
            website_url: string;
        };
        /** @description A partner app (an OAuth client) in the registry. */
        PartnerApp: {
            /** @description People allowed in development mode besides the partner's members (at most 25). */
            allow_list: {
                count: number;
                limit: number;
            };
            /** @description The OAuth client id: `chorus_` and 22 URL-safe characters. */
            client_id: string;
            /**
             * @description confidential: runs on a server that keeps a client secret; public: a native, device or browser app that cannot keep one.
             * @enum {unknown}
             */
            client_type: "confidential" | "public";
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            description: string | null;
            device_class: ("car" | "speaker" | "tv" | "wearable" | "other") | null;
            grant_types: ("authorization_code" | "refresh_token" | "urn:ietf:params:oauth:grant-type:device_code" | "client_credentials")[];
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            logo_url: string | null;
            /**
             * @description production once a platform admin approved the app; development before, in review and after a rejection.
             * @enum {unknown}
             */
            mode: "development" | "production";
            name: string;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            partner_id: string;
            redirect_uris: string[];
            review: {
                note: string | null;
                requested_at: string | null;
                reviewed_at: string | null;
                reviewed_by: {
                    display_name: string;
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    user_id: string;
                } | null;
                /**
                 * @description development: allow-listed people only, development limits; in_review: waiting for a platform admin; production: anyone, production limits; rejected: development again, with the reviewer’s note.
                 * @enum {unknown}
                 */
                state: "development" | "in_review" | "production" | "rejected";
            };
            scopes: string[];
            secret: {
                /**
                 * Format: date-time
                 * @description RFC 3339, UTC.
                 */
                created_at: string;
                /** @description The first characters of the current secret. */
                hint: string;
                previous_valid_until: string | null;
            } | null;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            updated_at: string;
        };
        PartnerAppCreated: {
            /** @description People allowed in development mode besides the partner's members (at most 25). */
            allow_list: {
                count: number;
                limit: number;
            };
            /** @description The OAuth client id: `chorus_` and 22 URL-safe characters. */
            client_id: string;
            client_secret: string | null;
            /**
             * @description confidential: runs on a server that keeps a client secret; public: a native, device or browser app that cannot keep one.
             * @enum {unknown}
             */
            client_type: "confidential" | "public";
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            description: string | null;
            device_class: ("car" | "speaker" | "tv" | "wearable" | "other") | null;
            grant_types: ("authorization_code" | "refresh_token" | "urn:ietf:params:oauth:grant-type:device_code" | "client_credentials")[];
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            logo_url: string | null;
            /**
             * @description production once a platform admin approved the app; development before, in review and after a rejection.
             * @enum {unknown}
             */
            mode: "development" | "production";
            name: string;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            partner_id: string;
            redirect_uris: string[];
            review: {
                note: string | null;
                requested_at: string | null;
                reviewed_at: string | null;
                reviewed_by: {
                    display_name: string;
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    user_id: string;
                } | null;
                /**
                 * @description development: allow-listed people only, development limits; in_review: waiting for a platform admin; production: anyone, production limits; rejected: development again, with the reviewer’s note.
                 * @enum {unknown}
                 */
                state: "development" | "in_review" | "production" | "rejected";
            };
            scopes: string[];
            secret: {
                /**
                 * Format: date-time
                 * @description RFC 3339, UTC.
                 */
                created_at: string;
                /** @description The first characters of the current secret. */
                hint: string;
                previous_valid_until: string | null;
            } | null;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            updated_at: string;
        };
        /** @description Every app of the partner (at most 25): one page. */
        PartnerAppList: {
            items: components["schemas"]["PartnerApp"][];
            next_cursor: string | null;
        };
        /** @description An open invitation to join the team, as its admins see it. */
        PartnerInvitation: {
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            display_name: string;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            expires_at: string;
            handle: string;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            /**
             * @description admin: everything, the team and the organisation included; developer: creates and edits apps, their secrets, allow-lists and review requests; analyst: reads apps and usage.
             * @enum {unknown}
             */
            role: "admin" | "developer" | "analyst";
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            user_id: string;
        };
        PartnerInvitationList: {
            items: components["schemas"]["PartnerInvitation"][];
            next_cursor: string | null;
        };
        PartnerMember: {
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            display_name: string;
            handle: string;
            /**
             * @description admin: everything, the team and the organisation included; developer: creates and edits apps, their secrets, allow-lists and review requests; analyst: reads apps and usage.
             * @enum {unknown}
             */
            role: "admin" | "developer" | "analyst";
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            user_id: string;
        };
        /** @description The whole team (at most 50 people with open invitations): one page. */
        PartnerMemberList: {
            items: components["schemas"]["PartnerMember"][];
            next_cursor: string | null;
        };
        PartnerPage: {
            items: components["schemas"]["Partner"][];
            next_cursor: string | null;
        };
        /** @description A personal API token, without its secret. */
        PersonalToken: {
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            last_used_at: string | null;
            name: string;
            /** @description The first characters of the token, to tell tokens apart. */
            prefix: string;
            /** @description What the token may do. */
            scopes: string[];
        };
        /** @description A new personal API token. */
        PersonalTokenCreated: {
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            name: string;
            /** @description The first characters of the token, to tell tokens apart. */
            prefix: string;
            /** @description What the token may do. */
            scopes: string[];
            /** @description The token itself: shown this once, never again. Send it as `Authorization: Token <token>`. */
            token: string;
        };
        PersonalTokenPage: {
            items: components["schemas"]["PersonalToken"][];
            next_cursor: string | null;
        };
        /**
         * @description A scope a personal token may hold: any a person may grant, never an internal one.
         * @enum {unknown}
         */
        PersonalTokenScope: "profile:read" | "profile:write" | "listens:read" | "listens:write" | "playlists:read" | "playlists:write" | "artists:manage" | "artist-analytics:read";
        Playlist: {
            collaborative: boolean;
            collaborator_count: number;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            description: string | null;
            follower_count: number;
            /** @description Whether the caller follows it. */
            following: boolean;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            item_count: number;
            name: string;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            owner_id: string;
            /** @description The playlist version; also sent as the ETag. Send it back in If-Match on position-based changes. */
            snapshot_id: string;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            updated_at: string;
            /**
             * @description private: only collaborators see it (everyone else gets 404); public: anyone can read it, even without a token.
             * @enum {unknown}
             */
            visibility: "private" | "public";
            your_role: ("owner" | "editor" | "contributor" | "viewer") | null;
        };
        /** @description Collaborators see every change with user ids. Anyone else (a public playlist) sees no invitation events and no invitation ids, and people by handle and display name: actor_id is null and `actor` names who acted; user ids in payloads become `user`, `from` and `to` persons (null when no longer known). */
        PlaylistActivity: {
            actor?: {
                display_name: string;
                /** @description The public, URL-safe handle. */
                handle: string;
            } | null;
            actor_id: string | null;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            /** @description The operation: item ids and the positions they ended at. */
            payload: unknown;
            seq: number;
            /** @description The playlist version; also sent as the ETag. Send it back in If-Match on position-based changes. */
            snapshot_id: string;
            type: string;
        };
        PlaylistActivityPage: {
            items: components["schemas"]["PlaylistActivity"][];
            next_cursor: string | null;
        };
        PlaylistInvite: {
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            expires_at: string;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            invitee: {
                display_name: string;
                handle: string;
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                user_id: string;
            } | null;
            /**
             * @description link: anyone with its token may accept it; personal: only the person invited.
             * @enum {unknown}
             */
            kind: "link" | "personal";
            max_uses: number | null;
            revoked_at: string | null;
            /** @enum {unknown} */
            role: "editor" | "contributor" | "viewer";
            /** @enum {unknown} */
            status: "active" | "expired" | "revoked" | "used_up" | "accepted" | "declined";
            uses: number;
        };
        PlaylistInviteAccepted: {
            already_member: boolean;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            playlist_id: string;
            /**
             * @description owner: everything; editor: add, remove, reorder, vote; contributor: add and vote, remove only what they added; viewer: read and vote.
             * @enum {unknown}
             */
            role: "owner" | "editor" | "contributor" | "viewer";
        };
        PlaylistInviteCreated: {
            accept_path: string;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            expires_at: string;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            invitee: {
                display_name: string;
                handle: string;
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                user_id: string;
            } | null;
            /**
             * @description link: anyone with its token may accept it; personal: only the person invited.
             * @enum {unknown}
             */
            kind: "link" | "personal";
            max_uses: number | null;
            revoked_at: string | null;
            /** @enum {unknown} */
            role: "editor" | "contributor" | "viewer";
            /** @enum {unknown} */
            status: "active" | "expired" | "revoked" | "used_up" | "accepted" | "declined";
            /** @description Shown once; only a hash is kept. */
            token: string;
            uses: number;
        };
        PlaylistInvitePage: {
            items: components["schemas"]["PlaylistInvite"][];
            next_cursor: string | null;
        };
        /** @description What accepting the invitation would give: the playlist, who owns it, the role offered, until when. */
        PlaylistInvitePreview: {
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            expires_at: string;
            /** @description A person as shown to those who may not see user ids. */
            owner: {
                display_name: string;
                /** @description The public, URL-safe handle. */
                handle: string;
            };
            playlist: {
                description: string | null;
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                id: string;
                item_count: number;
                name: string;
            };
            /** @enum {unknown} */
            role: "editor" | "contributor" | "viewer";
        };
        PlaylistItem: {
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            added_at: string;
            added_by: string | null;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            item_id: string;
            net_votes: number;
            /** @description 0-based index in the playlist at this snapshot. */
            position: number;
            /** @description What a client shows of the track, so a page of items renders without further calls. */
            track: {
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                artist_id: string;
                /** @description The main artist first, then artists credited as featured. */
                artists: {
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    id: string;
                    name: string;
                }[];
                duration_ms: number;
                release: {
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    id: string;
                    title: string;
                };
                title: string;
            };
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            track_id: string;
        };
        PlaylistItemMoved: {
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            item_id: string;
            position: number;
            /** @description The playlist version; also sent as the ETag. Send it back in If-Match on position-based changes. */
            snapshot_id: string;
        };
        PlaylistItemPage: {
            items: components["schemas"]["PlaylistItem"][];
            next_cursor: string | null;
            /** @description The playlist version; also sent as the ETag. Send it back in If-Match on position-based changes. */
            snapshot_id: string;
            total: number;
        };
        PlaylistItemsAdded: {
            items: {
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                item_id: string;
                position: number;
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                track_id: string;
            }[];
            /** @description The playlist version; also sent as the ETag. Send it back in If-Match on position-based changes. */
            snapshot_id: string;
        };
        PlaylistItemsRemoved: {
            removed: string[];
            /** @description The playlist version; also sent as the ETag. Send it back in If-Match on position-based changes. */
            snapshot_id: string;
        };
        PlaylistItemVotes: {
            direction: ("up" | "down") | null;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            item_id: string;
            net_votes: number;
            /** @description The playlist version; also sent as the ETag. Send it back in If-Match on position-based changes. */
            snapshot_id: string;
        };
        PlaylistSnapshot: {
            /** @description The playlist version; also sent as the ETag. Send it back in If-Match on position-based changes. */
            snapshot_id: string;
        };
        PlaylistSuggestion: {
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            artist_id: string;
            /** @enum {unknown} */
            reason: "co_listened" | "same_artist";
            score: number;
            title: string;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            track_id: string;
        };
        PlaylistSuggestionList: {
            items: components["schemas"]["PlaylistSuggestion"][];
        };
        /** @description An RFC 9457 problem details object. */
        Problem: {
            /** @description A stable, machine-readable error code. */
            code: string;
            detail: string;
            errors?: {
                detail: string;
                in?: string;
                /** @description JSON Pointer to the offending field. */
                pointer: string;
            }[];
            status: number;
            title: string;
            /** @description A URI that identifies the problem type. */
            type: string;
        } & {
            [key: string]: unknown;
        };
        ProductIntegrity: {
            /** @description Every day of the range, zero-filled. */
            daily: {
                /**
                 * Format: date
                 * @description A UTC calendar day, YYYY-MM-DD.
                 */
                day: string;
                refused_batches: number;
                refused_listens: number;
            }[];
            days: number;
            /**
             * Format: date
             * @description A UTC calendar day, YYYY-MM-DD.
             */
            from: string;
            /**
             * Format: date
             * @description A UTC calendar day, YYYY-MM-DD.
             */
            previous_from: string;
            /**
             * Format: date
             * @description A UTC calendar day, YYYY-MM-DD.
             */
            previous_to: string;
            /** @description The named range, or custom. */
            range: string;
            reasons: {
                listens: number;
                previous_listens: number;
                /** @description over_real_time: the listener’s listens would cover more play in an hour than real time allows. */
                reason: string;
            }[];
            /** @description change = (value - previous) / previous; null when previous is 0. */
            refused_batches: {
                change: number | null;
                /** @description The same number of days right before. */
                previous: number;
                /** @description The range. */
                value: number;
            };
            /** @description change = (value - previous) / previous; null when previous is 0. */
            refused_listens: {
                change: number | null;
                /** @description The same number of days right before. */
                previous: number;
                /** @description The range. */
                value: number;
            };
            sources: {
                listens: number;
                previous_listens: number;
                /** @description The API: native (POST /v1/listens) or listenbrainz. */
                source: string;
            }[];
            /**
             * Format: date
             * @description A UTC calendar day, YYYY-MM-DD.
             */
            to: string;
        };
        /** @description What anyone may see of a person. */
        Profile: {
            display_name: string;
            handle: string;
            /** @description Whether this listening history is public. */
            listens_public: boolean;
            /** @description Public playlists this person owns, newest first (at most 100). */
            playlists: {
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                id: string;
                item_count: number;
                name: string;
            }[];
        };
        Refresh: {
            /** @description A refresh token from log-in or refresh. */
            refresh_token: string;
        };
        Release: {
            artist: {
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                id: string;
                name: string;
                /** @description A platform admin has confirmed the artist is who they say; name matching prefers verified artists. */
                verified: boolean;
            };
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            release_date: string | null;
            title: string;
            /** @description In track_number order. */
            tracks: {
                duration_ms: number;
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                id: string;
                isrc: string | null;
                release_date: string | null;
                title: string;
                track_number: number;
            }[];
            /** @enum {unknown} */
            type: "album" | "single" | "ep" | "compilation";
        };
        /** @description Exactly one of item_ids (those items) and track_ids (every occurrence of those tracks); with snapshot_id (or If-Match) only if that snapshot is current. */
        RemovePlaylistItems: {
            /** @description Item ids, at most 100. */
            item_ids?: string[];
            /** @description The snapshot the change is meant for (as Spotify takes it; or send If-Match): another one answers 412. */
            snapshot_id?: string;
            /** @description Catalog track ids, at most 100. */
            track_ids?: string[];
        };
        /** @description Either a reorder (range_start, insert_before, range_length) or a replace (track_ids). */
        ReplacePlaylistItems: {
            /** @description 0-based index in the playlist. */
            insert_before?: number;
            /** @description Default 1. */
            range_length?: number;
            /** @description 0-based index in the playlist. */
            range_start?: number;
            /** @description The snapshot the change is meant for (as Spotify takes it; or send If-Match): another one answers 412. */
            snapshot_id?: string;
            /** @description Replace the whole list; [] clears it. */
            track_ids?: string[];
        };
        SearchResults: {
            artists?: {
                country: string | null;
                genres: string[];
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                id: string;
                name: string;
                /** @description A platform admin has confirmed the artist is who they say; name matching prefers verified artists. */
                verified: boolean;
            }[];
            releases?: {
                artist: {
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    id: string;
                    name: string;
                    /** @description A platform admin has confirmed the artist is who they say; name matching prefers verified artists. */
                    verified: boolean;
                };
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                id: string;
                release_date: string | null;
                title: string;
                /** @enum {unknown} */
                type: "album" | "single" | "ep" | "compilation";
            }[];
            tracks?: {
                artist: {
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    id: string;
                    name: string;
                    /** @description A platform admin has confirmed the artist is who they say; name matching prefers verified artists. */
                    verified: boolean;
                };
                duration_ms: number;
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                id: string;
                isrc: string | null;
                release: {
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    id: string;
                    title: string;
                };
                title: string;
            }[];
        };
        /** @description A signed-in browser session: who it is for. Its tokens are in httpOnly cookies, never in the body. */
        Session: {
            /** @description Seconds until the session cookie must be renewed (`POST /v1/auth/session/refresh`). */
            expires_in: number;
            user: components["schemas"]["User"];
        };
        /** @description What the browser session cookie says, without failing when there is none. */
        SessionState: {
            /** @description A refresh cookie is present: POST /v1/auth/session/refresh can renew the session. */
            renewable: boolean;
            /** @description The signed-in account, or null. */
            user: components["schemas"]["User"] | null;
        };
        /** @description The outcome of a signing-key rotation. */
        SigningKeyRotation: {
            /** @description The new signing key, now the one new tokens are signed with. */
            kid: string;
            /** @description The keys it replaced: still published, and still verifying their tokens, until `verifies_until`. */
            retired: {
                kid: string;
                /**
                 * Format: date-time
                 * @description RFC 3339, UTC.
                 */
                retired_at: string;
                /**
                 * Format: date-time
                 * @description RFC 3339, UTC.
                 */
                verifies_until: string;
            }[];
        };
        Signup: {
            /** @description From 1900 to the current year. */
            birth_year?: number;
            /** @description ISO 3166-1 alpha-2, upper case, an assigned code. */
            country: string;
            /** @description Trimmed; not blank. */
            display_name: string;
            /**
             * Format: email
             * @description Compared case-insensitively.
             */
            email: string;
            /** @enum {unknown} */
            gender?: "female" | "male" | "non_binary" | "other" | "prefer_not_to_say";
            /** @description Unique and URL-safe: 2 to 32 lower-case letters, digits, `_` and `-`, starting with a letter or digit. Without one, it is derived from the display name. */
            handle?: string;
            /** @description 10 to 256 characters. */
            password: string;
        };
        /** @description The tokens a log-in answers, and the new account. */
        SignupResponse: {
            /** @description An EdDSA-signed JWT; verify it with the keys at /.well-known/jwks.json. */
            access_token: string;
            /** @description Seconds until the access token expires. */
            expires_in: number;
            /** @description Single use: each refresh returns a new one. Reusing a spent one revokes the whole chain. */
            refresh_token: string;
            scope: string;
            /** @enum {string} */
            token_type: "Bearer";
            user: components["schemas"]["User"];
        };
        SubmitListens: {
            listens: {
                artist_name?: string;
                client?: string;
                context?: {
                    /** @description The playlist, album or artist id, where there is one. */
                    id?: string;
                    type: "library" | "own_playlist" | "playlist" | "collaborative_playlist" | "album" | "artist" | "search" | "radio" | "partner" | "other";
                };
                /** @description ISRC, 12 characters. */
                isrc?: string;
                /**
                 * Format: date-time
                 * @description When playback started, RFC 3339.
                 */
                listened_at: string;
                ms_played: number;
                platform: "ios" | "android" | "web" | "desktop" | "car" | "speaker" | "tv" | "other";
                release_name?: string;
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                track_id?: string;
                track_name?: string;
            }[];
        };
        SubmitListensResult: {
            /** @description New listens stored. */
            accepted: number;
            /** @description Null when every listen was a duplicate. */
            batch_id: string | null;
            /** @description Listens already stored (same listener, track and time). */
            duplicates: number;
            /** @description New listens not stored because, with the listener’s listens already stored, they would cover more play than real time allows: each UTC hour holds at most CHORUS_LISTEN_BUDGET_PER_HOUR seconds (default 5,100: 3,600 × 1.25 for overlapping devices, plus slack); a listen covers ms_played (at least 1 s) from listened_at on. */
            refused: number;
            /** @description Accepted listens that match no catalog track yet; they count once one does. */
            unmatched: number;
        };
        /** @description An OAuth 2.0 token response (RFC 6749, section 5.1). */
        TokenResponse: {
            /** @description An EdDSA-signed JWT; verify it with the keys at /.well-known/jwks.json. */
            access_token: string;
            /** @description Seconds until the access token expires. */
            expires_in: number;
            /** @description Single use: each refresh returns a new one. Reusing a spent one revokes the whole chain. */
            refresh_token: string;
            scope: string;
            /** @enum {string} */
            token_type: "Bearer";
        };
        Track: {
            artist: {
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                id: string;
                name: string;
                /** @description A platform admin has confirmed the artist is who they say; name matching prefers verified artists. */
                verified: boolean;
            };
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            credits: {
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                artist_id: string;
                name: string;
                /** @enum {unknown} */
                role: "featured" | "producer" | "writer" | "composer" | "remixer" | "performer";
            }[];
            duration_ms: number;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            isrc: string | null;
            release: {
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                id: string;
                title: string;
            };
            release_date: string | null;
            title: string;
            track_number: number;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            updated_at: string;
        };
        /** @description At least one field; null clears bio or country. */
        UpdateArtist: {
            bio?: string | null;
            country?: string | null;
            /** @description Up to 10 genres. */
            genres?: string[];
            /** @description Trimmed; 1 to 200 characters. */
            name?: string;
        };
        UpdateMe: {
            /** @description null removes it. */
            birth_year?: number | null;
            /** @description ISO 3166-1 alpha-2, upper case, an assigned code. */
            country?: string;
            /** @description Trimmed; not blank. */
            display_name?: string;
            /** @description null removes it. */
            gender?: ("female" | "male" | "non_binary" | "other" | "prefer_not_to_say") | null;
            /** @description Unique and URL-safe: 2 to 32 lower-case letters, digits, `_` and `-`, starting with a letter or digit. */
            handle?: string;
            /** @description Let others read your listening history. */
            listens_public?: boolean;
        };
        /** @description At least one field. Changing the name, kind or website of a verified partner withdraws its verification until a platform admin verifies it again. */
        UpdatePartner: {
            /**
             * @description automotive: car makers and in-car systems; telecom: carriers bundling Chorus; device: speakers, TVs, wearables; app: software developers.
             * @enum {unknown}
             */
            kind?: "automotive" | "telecom" | "device" | "app";
            /** @description Trimmed; 1 to 100 characters. */
            name?: string;
            /** @description The organisation’s website (https). */
            website_url?: string;
        };
        /** @description At least one field; null clears description, logo_url or device_class; arrays replace. The client type cannot change: register a new app instead. */
        UpdatePartnerApp: {
            description?: string | null;
            device_class?: ("car" | "speaker" | "tv" | "wearable" | "other") | null;
            grant_types?: ("authorization_code" | "refresh_token" | "urn:ietf:params:oauth:grant-type:device_code" | "client_credentials")[];
            logo_url?: string | null;
            /** @description Trimmed; 1 to 100 characters. */
            name?: string;
            /** @description Exact strings, compared exactly. https, or http on a loopback address (http://127.0.0.1, http://[::1], http://localhost; any port) for native apps as RFC 8252 allows; no fragments, no wildcards. At most 10; needed by authorization_code and used by nothing else. */
            redirect_uris?: string[];
            /** @description The scopes the app may ask for. An app with client_credentials only may hold only scopes a partner app can hold for itself (partner:manage, partner-analytics:read). */
            scopes?: ("profile:read" | "profile:write" | "listens:read" | "listens:write" | "playlists:read" | "playlists:write" | "artists:manage" | "artist-analytics:read" | "partner:manage" | "partner-analytics:read")[];
        };
        UpdatePlaylist: {
            collaborative?: boolean;
            /** @description Up to 2000 characters; empty clears it. */
            description?: string;
            /** @description Trimmed; 1 to 200 characters. */
            name?: string;
            /**
             * @description private: only collaborators see it (everyone else gets 404); public: anyone can read it, even without a token.
             * @enum {unknown}
             */
            visibility?: "private" | "public";
        };
        /** @description At least one field; credits replace the list; null isrc removes it. */
        UpdateTrack: {
            /** @description Up to 50 credits; each artist and role at most once. */
            credits?: {
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                artist_id: string;
                /** @enum {unknown} */
                role: "featured" | "producer" | "writer" | "composer" | "remixer" | "performer";
            }[];
            /** @description Milliseconds, at most one day. */
            duration_ms?: number;
            isrc?: string | null;
            /**
             * Format: date
             * @description A UTC calendar day, YYYY-MM-DD.
             */
            release_date?: string;
            /** @description Trimmed; 1 to 200 characters. */
            title?: string;
        };
        /** @description An account as its owner (or a platform admin) sees it. */
        User: {
            birth_year: number | null;
            /** @description ISO 3166-1 alpha-2. */
            country: string;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            display_name: string;
            email: string;
            gender: ("female" | "male" | "non_binary" | "other" | "prefer_not_to_say") | null;
            /** @description Unique and URL-safe; the public profile is at /v1/users/{handle}. */
            handle: string;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            /** @description Whether others may read this listening history. */
            listens_public: boolean;
            roles: ("product_analyst" | "platform_admin")[];
        };
        Vote: {
            /** @enum {unknown} */
            direction: "up" | "down";
        };
        /** @description One event sent to one endpoint, and its attempts. */
        WebhookDelivery: {
            attempt_count: number;
            /** @description The latest ten attempts, oldest first. */
            attempts: {
                /**
                 * Format: date-time
                 * @description RFC 3339, UTC.
                 */
                attempted_at: string;
                error: string | null;
                latency_ms: number;
                /** @description The first kilobyte of the answer. */
                response_body: string;
                status_code: number | null;
                succeeded: boolean;
            }[];
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            /**
             * Format: uuid
             * @description Sent as webhook-id.
             */
            event_id: string;
            event_type: string;
            finished_at: string | null;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            next_attempt_at: string | null;
            redelivery_of: string | null;
            /**
             * @description pending: being tried; failed: its retries ran out, or its endpoint was disabled.
             * @enum {unknown}
             */
            status: "pending" | "succeeded" | "failed";
        };
        /** @description A URL that receives signed events. */
        WebhookEndpoint: {
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            description: string;
            disabled_at: string | null;
            disabled_reason: ("owner" | "failing") | null;
            enabled: boolean;
            event_types: string[];
            failing_since: string | null;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            last_success_at: string | null;
            notice: string | null;
            /** @description Who the endpoint belongs to: an artist team or a partner app. */
            owner: {
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                id: string;
                /** @enum {unknown} */
                kind: "artist" | "app";
            };
            previous_secret_expires_at: string | null;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            updated_at: string;
            url: string;
        };
        /** @description A new endpoint with its signing secret, shown this once. */
        WebhookEndpointCreated: {
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            created_at: string;
            description: string;
            disabled_at: string | null;
            disabled_reason: ("owner" | "failing") | null;
            enabled: boolean;
            event_types: string[];
            failing_since: string | null;
            /**
             * Format: uuid
             * @description A UUID (v7 for ids Chorus creates).
             */
            id: string;
            last_success_at: string | null;
            notice: string | null;
            /** @description Who the endpoint belongs to: an artist team or a partner app. */
            owner: {
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                id: string;
                /** @enum {unknown} */
                kind: "artist" | "app";
            };
            previous_secret_expires_at: string | null;
            /** @description whsec_ + base64 of 32 random bytes: the HMAC key. Shown only here; rotate it if it is lost. */
            secret: string;
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            updated_at: string;
            url: string;
        };
        /** @description A listener approved the app (OAuth consent), or approved it again after disconnecting it. Approving more scopes while connected is not a new connection. */
        WebhookEventConnectionCreated: {
            data: {
                /** @description The app the event is for. */
                app: {
                    /** @description The app's OAuth client id. */
                    client_id: string;
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    id: string;
                };
                /**
                 * Format: date-time
                 * @description When the listener connected the app.
                 */
                at: string;
                /**
                 * Format: uuid
                 * @description The listener as the app knows them: the `sub` of the access tokens it holds for them. Never their name or email.
                 */
                listener_id: string;
                /** @description The scopes the listener granted the app. */
                scopes: string[];
            };
            /**
             * Format: date-time
             * @description When the event happened (RFC 3339, UTC); the same in every attempt.
             */
            timestamp: string;
            /** @enum {string} */
            type: "connection.created";
        };
        /** @description A listener disconnected the app (DELETE /v1/me/connections/{client_id}): its grants and tokens for them are gone; forget what it stored for them that it may not keep. */
        WebhookEventConnectionRevoked: {
            data: {
                /** @description The app the event is for. */
                app: {
                    /** @description The app's OAuth client id. */
                    client_id: string;
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    id: string;
                };
                /**
                 * Format: date-time
                 * @description When the listener disconnected the app; its tokens for them are refused from then on.
                 */
                at: string;
                /**
                 * Format: uuid
                 * @description The listener as the app knows them: the `sub` of the access tokens it holds for them. Never their name or email.
                 */
                listener_id: string;
                /** @description The scopes the listener granted the app. */
                scopes: string[];
            };
            /**
             * Format: date-time
             * @description When the event happened (RFC 3339, UTC); the same in every attempt.
             */
            timestamp: string;
            /** @enum {string} */
            type: "connection.revoked";
        };
        /** @description An insight was added to the artist's feed: a trend, milestone, anomaly, audience shift, playlist momentum or forecast. Each insight is sent once. */
        WebhookEventInsightCreated: {
            data: {
                /** @description The artist whose team the event is for. */
                artist: {
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    id: string;
                    name: string;
                };
                insight: {
                    /** @description One or two sentences with the numbers behind the insight. */
                    body: string;
                    /**
                     * Format: date-time
                     * @description RFC 3339, UTC.
                     */
                    created_at: string;
                    /** @description The figures and test behind the insight (aggregates only); its fields depend on the type. */
                    evidence: {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    id: string;
                    /** @enum {unknown} */
                    severity: "info" | "notable" | "major";
                    /** @description What the insight is about. */
                    subject: {
                        /**
                         * Format: uuid
                         * @description A UUID (v7 for ids Chorus creates).
                         */
                        id: string;
                        /**
                         * @description The artist itself or one of its tracks.
                         * @enum {unknown}
                         */
                        kind: "artist" | "track";
                        /** @description The artist's name or the track's title. */
                        name: string;
                    };
                    title: string;
                    /** @enum {unknown} */
                    type: "trend" | "milestone" | "anomaly" | "audience_shift" | "playlist_momentum" | "forecast";
                };
            };
            /**
             * Format: date-time
             * @description When the event happened (RFC 3339, UTC); the same in every attempt.
             */
            timestamp: string;
            /** @enum {string} */
            type: "insight.created";
        };
        /** @description The artist or one of its tracks reached a round number of all-time streams or listeners (also sent as insight.created of type milestone). */
        WebhookEventMilestoneReached: {
            data: {
                /** @description The artist whose team the event is for. */
                artist: {
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    id: string;
                    name: string;
                };
                /**
                 * Format: date
                 * @description A UTC calendar day, YYYY-MM-DD.
                 */
                day: string;
                /**
                 * Format: uuid
                 * @description The milestone insight in the feed (GET /v1/artists/{id}/insights).
                 */
                insight_id: string;
                /**
                 * @description All-time streams, or distinct listeners.
                 * @enum {unknown}
                 */
                metric: "streams" | "listeners";
                /** @description What the insight is about. */
                subject: {
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    id: string;
                    /**
                     * @description The artist itself or one of its tracks.
                     * @enum {unknown}
                     */
                    kind: "artist" | "track";
                    /** @description The artist's name or the track's title. */
                    name: string;
                };
                /** @description The round number crossed, e.g. 100000. */
                threshold: number;
                /** @description The all-time total when it was noticed. */
                total: number;
            };
            /**
             * Format: date-time
             * @description When the event happened (RFC 3339, UTC); the same in every attempt.
             */
            timestamp: string;
            /** @enum {string} */
            type: "milestone.reached";
        };
        /** @description Sent to one endpoint when its owner asks (POST .../webhooks/{webhook_id}/test). */
        WebhookEventPing: {
            data: {
                /**
                 * Format: uuid
                 * @description A UUID (v7 for ids Chorus creates).
                 */
                endpoint_id: string;
                message: string;
            };
            /**
             * Format: date-time
             * @description When the event happened (RFC 3339, UTC); the same in every attempt.
             */
            timestamp: string;
            /** @enum {string} */
            type: "ping";
        };
        /** @description A playlist owned by, or shared with, a listener who connected the app with playlists:read changed: its details or its items. One event per new snapshot and app, whoever made the change (who it was is never said). */
        WebhookEventPlaylistUpdated: {
            data: {
                /** @description The app the event is for. */
                app: {
                    /** @description The app's OAuth client id. */
                    client_id: string;
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    id: string;
                };
                /**
                 * @description details: name, description, visibility or the collaborative flag; items: added, removed, moved or replaced; owner: a new owner.
                 * @enum {unknown}
                 */
                change: "details" | "items" | "owner";
                /**
                 * Format: date-time
                 * @description RFC 3339, UTC.
                 */
                changed_at: string;
                /** @description The app's connected listeners (with playlists:read) who own or collaborate on the playlist: read it with one of their tokens. */
                listener_ids: string[];
                playlist: {
                    collaborative: boolean;
                    description: string | null;
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    id: string;
                    item_count: number;
                    name: string;
                    /** @description The new snapshot (ETag of GET /v1/playlists/{id}); one event per snapshot. */
                    snapshot_id: string;
                    /** @enum {unknown} */
                    visibility: "private" | "public";
                };
            };
            /**
             * Format: date-time
             * @description When the event happened (RFC 3339, UTC); the same in every attempt.
             */
            timestamp: string;
            /** @enum {string} */
            type: "playlist.updated";
        };
        /** @description The artist's totals for a UTC day, sent once after midnight UTC to artists with listens that day. */
        WebhookEventStatsDaily: {
            data: {
                /** @description The artist whose team the event is for. */
                artist: {
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    id: string;
                    name: string;
                };
                /**
                 * Format: date
                 * @description The UTC day summarised (yesterday when sent).
                 */
                day: string;
                /** @description Distinct listeners that day. */
                listeners: number;
                ms_played: number;
                playlist_adds: number;
                saves: number;
                /** @description Plays shorter than 30 seconds. */
                skips: number;
                /** @description Plays of at least 30 seconds. */
                streams: number;
                /** @description The most streamed tracks that day, most first. */
                top_tracks: {
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    id: string;
                    streams: number;
                    title: string;
                }[];
            };
            /**
             * Format: date-time
             * @description When the event happened (RFC 3339, UTC); the same in every attempt.
             */
            timestamp: string;
            /** @enum {string} */
            type: "stats.daily";
        };
        /** @description One of the artist's tracks was added to a public playlist. Who added it is never said. */
        WebhookEventTrackPlaylisted: {
            data: {
                /**
                 * Format: date-time
                 * @description RFC 3339, UTC.
                 */
                added_at: string;
                /** @description The artist whose team the event is for. */
                artist: {
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    id: string;
                    name: string;
                };
                playlist: {
                    /** @description Whether several listeners edit it together. */
                    collaborative: boolean;
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    id: string;
                    name: string;
                };
                /**
                 * Format: uuid
                 * @description The new entry; adding the same track again is another entry and another event.
                 */
                playlist_item_id: string;
                track: {
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    id: string;
                    isrc: string | null;
                    title: string;
                };
            };
            /**
             * Format: date-time
             * @description When the event happened (RFC 3339, UTC); the same in every attempt.
             */
            timestamp: string;
            /** @enum {string} */
            type: "track.playlisted";
        };
        /** @description An event type and the JSON Schema of its body. */
        WebhookEventType: {
            description: string;
            /** @description Whose endpoints receive it. */
            owners: ("artist" | "app")[];
            /** @description The JSON Schema of the body (also in the OpenAPI document, under webhooks). */
            schema: {
                [key: string]: unknown;
            };
            /** @description Whether endpoints subscribe to it (ping is sent on request only). */
            subscribable: boolean;
            summary: string;
            type: string;
        };
        /** @description A new signing secret; until previous_secret_expires_at each event carries a signature by each secret. */
        WebhookSecret: {
            /**
             * Format: date-time
             * @description RFC 3339, UTC.
             */
            previous_secret_expires_at: string;
            /** @description whsec_ + base64 of 32 random bytes: the HMAC key. Shown only here; rotate it if it is lost. */
            secret: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
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
                        description: string;
                        links: {
                            [key: string]: string;
                        };
                        name: string;
                    };
                };
            };
        };
    };
    getJwksJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON Web Key Set (RFC 7517) of the public keys access tokens are signed with. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Jwks"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLatestImport: {
        parameters: {
            query?: {
                /** @description spotify, lastfm, librefm, … (default lastfm). */
                service?: string;
                user_name?: string;
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
                        latest_import: number;
                        musicbrainz_id: string;
                    };
                };
            };
            /** @description ListenBrainz error shape. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: number;
                        error: string;
                    };
                };
            };
        };
    };
    postLatestImport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ListenBrainzLatestImport"];
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
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description ListenBrainz error shape. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: number;
                        error: string;
                    };
                };
            };
            /** @description ListenBrainz error shape. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: number;
                        error: string;
                    };
                };
            };
            /** @description ListenBrainz error shape. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: number;
                        error: string;
                    };
                };
            };
        };
    };
    postSubmitListens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description ListenBrainz's submission: at most 10240000 bytes in all, 10240 per listen. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["ListenBrainzSubmission"];
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
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description ListenBrainz error shape. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: number;
                        error: string;
                    };
                };
            };
            /** @description ListenBrainz error shape. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: number;
                        error: string;
                    };
                };
            };
            /** @description ListenBrainz error shape. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: number;
                        error: string;
                    };
                };
            };
            /** @description ListenBrainz error shape. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: number;
                        error: string;
                    };
                };
            };
        };
    };
    getUserListenCount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The listener’s handle. */
                user_name: string;
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
                        payload: {
                            count: number;
                        };
                    };
                };
            };
            /** @description ListenBrainz error shape. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: number;
                        error: string;
                    };
                };
            };
        };
    };
    getUserListens: {
        parameters: {
            query?: {
                /** @description How many, default 25, at most 1,000. */
                count?: string;
                /** @description Listens before this unix second. */
                max_ts?: string;
                /** @description Listens after this unix second. */
                min_ts?: string;
            };
            header?: never;
            path: {
                /** @description The listener’s handle. */
                user_name: string;
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
                        payload: {
                            count: number;
                            latest_listen_ts: number;
                            listens: {
                                inserted_at: number;
                                listened_at: number;
                                recording_msid: string;
                                track_metadata: {
                                    additional_info: {
                                        [key: string]: string | number;
                                    };
                                    artist_name: string;
                                    release_name?: string;
                                    track_name: string;
                                };
                                user_name: string;
                            }[];
                            oldest_listen_ts: number;
                            user_id: string;
                        };
                    };
                };
            };
            /** @description ListenBrainz error shape. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: number;
                        error: string;
                    };
                };
            };
            /** @description ListenBrainz error shape. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: number;
                        error: string;
                    };
                };
            };
        };
    };
    getUserPlayingNow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The listener’s handle. */
                user_name: string;
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
                        payload: {
                            count: number;
                            listens: {
                                /** @enum {boolean} */
                                playing_now: true;
                                track_metadata: {
                                    additional_info: {
                                        [key: string]: string | number;
                                    };
                                    artist_name: string;
                                    release_name?: string;
                                    track_name: string;
                                };
                            }[];
                            /** @enum {boolean} */
                            playing_now: true;
                            user_id: string;
                        };
                    };
                };
            };
            /** @description ListenBrainz error shape. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: number;
                        error: string;
                    };
                };
            };
        };
    };
    getValidateToken: {
        parameters: {
            query?: {
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
                    "application/json": {
                        code: number;
                        message: string;
                        user_name?: string;
                        valid: boolean;
                    };
                };
            };
            /** @description ListenBrainz error shape. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: number;
                        error: string;
                    };
                };
            };
        };
    };
    getHealthz: {
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
                        checks?: {
                            [key: string]: string;
                        };
                        status: "ok" | "unavailable";
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks?: {
                            [key: string]: string;
                        };
                        status: "ok" | "unavailable";
                    };
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus exposition format 0.0.4. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    getReadyz: {
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
                        checks?: {
                            [key: string]: string;
                        };
                        status: "ok" | "unavailable";
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks?: {
                            [key: string]: string;
                        };
                        status: "ok" | "unavailable";
                    };
                };
            };
        };
    };
    getAdminApps: {
        parameters: {
            query?: {
                /** @description Opaque; from a previous answer. */
                cursor?: string;
                limit?: number;
                /** @description development: allow-listed people only, development limits; in_review: waiting for a platform admin; production: anyone, production limits; rejected: development again, with the reviewer’s note. */
                review_state?: "development" | "in_review" | "production" | "rejected";
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
                    "application/json": components["schemas"]["AdminPartnerAppPage"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAdminAppReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                app_id: string;
            };
            cookie?: never;
        };
        /** @description A rejection needs a note telling the partner why. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "decision": "approve",
                 *       "verify_partner": true
                 *     }
                 */
                "application/json": components["schemas"]["AppReviewDecision"];
            };
        };
        responses: {
            /** @description A partner app (an OAuth client) in the registry. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerApp"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAdminArtistVerification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
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
                    "application/json": components["schemas"]["Artist"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteAdminArtistVerification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No longer verified. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAdminIsrcClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ISRC without dashes, e.g. GBAYE0601498; stored uppercased and unique across the catalog. */
                isrc: string;
            };
            cookie?: never;
        };
        /** @description The track that is to hold the ISRC. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "track_id": "01932c4e-7b1a-7000-8000-000000000001"
                 *     }
                 */
                "application/json": components["schemas"]["ClaimIsrc"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IsrcClaim"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAdminPartnerVerification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A partner organisation; `role` is yours on its team (null for a platform admin who is not on it). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Partner"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteAdminPartnerVerification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A partner organisation; `role` is yours on its team (null for a platform admin who is not on it). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Partner"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAdminSigningKeysRotate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The outcome of a signing-key rotation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningKeyRotation"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putAdminUserRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description An internal role, granted by a platform admin. */
                role: "product_analyst" | "platform_admin";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An account as its owner (or a platform admin) sees it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteAdminUserRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description An internal role, granted by a platform admin. */
                role: "product_analyst" | "platform_admin";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An account as its owner (or a platform admin) sees it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postArtists: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "bio": "Icelandic singer and composer.",
                 *       "country": "IS",
                 *       "genres": [
                 *         "art pop",
                 *         "electronic"
                 *       ],
                 *       "name": "Björk"
                 *     }
                 */
                "application/json": components["schemas"]["CreateArtist"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Artist"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArtist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
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
                    "application/json": components["schemas"]["ArtistDetail"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchArtist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        /** @description At least one field; null clears bio or country. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "bio": "New bio."
                 *     }
                 */
                "application/json": components["schemas"]["UpdateArtist"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArtistDetail"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArtistInsights: {
        parameters: {
            query?: {
                /** @description Opaque; from a previous answer. */
                cursor?: string;
                /** @description Default 20, at most 100. */
                limit?: number;
                /** @description Only insights of this type. */
                type?: "trend" | "milestone" | "anomaly" | "audience_shift" | "playlist_momentum" | "forecast";
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
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
                        /** @description Newest first. */
                        items: {
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            artist_id: string;
                            /** @description One or two sentences with the numbers behind the insight. */
                            body: string;
                            /**
                             * Format: date-time
                             * @description RFC 3339, UTC.
                             */
                            created_at: string;
                            /** @description The figures and test behind the insight (aggregates only); its fields depend on the type. */
                            evidence: {
                                [key: string]: unknown;
                            };
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            id: string;
                            /** @description Whether the caller has marked it read. */
                            read: boolean;
                            /** @enum {unknown} */
                            severity: "info" | "notable" | "major";
                            subject: {
                                /**
                                 * Format: uuid
                                 * @description A UUID (v7 for ids Chorus creates).
                                 */
                                id: string;
                                /**
                                 * @description The artist itself or one of its tracks.
                                 * @enum {unknown}
                                 */
                                kind: "artist" | "track";
                            };
                            title: string;
                            /** @enum {unknown} */
                            type: "trend" | "milestone" | "anomaly" | "audience_shift" | "playlist_momentum" | "forecast";
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postArtistInsightRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                insight_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Marked read. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArtistInvitations: {
        parameters: {
            query?: {
                /** @description Opaque; from a previous answer. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
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
                    "application/json": components["schemas"]["ArtistInvitationPage"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postArtistInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        /** @description Exactly one of handle and email. An invitation by email is answered the same whether or not the address has an account; the person with that email sees it once they sign in. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteArtistMember"];
            };
        };
        responses: {
            /** @description A pending invitation, as the team admins see it. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArtistInvitation"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteArtistInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                invitation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArtistMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
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
                    "application/json": components["schemas"]["ArtistMemberPage"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteArtistMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchArtistMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "role": "admin"
                 *     }
                 */
                "application/json": components["schemas"]["ChangeArtistMember"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArtistMember"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArtistRelated: {
        parameters: {
            query?: {
                /** @description Default 10, at most 50. */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
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
                        /**
                         * Format: uuid
                         * @description A UUID (v7 for ids Chorus creates).
                         */
                        artist_id: string;
                        /** @description When the list was computed; null before the first computation. */
                        computed_at: string | null;
                        /** @description Best match first. */
                        items: {
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            id: string;
                            name: string;
                            /** @description Cosine similarity of the two audiences (0 to 1) over the last 90 days. */
                            score: number;
                        }[];
                    };
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postArtistReleases: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "release_date": "1997-09-22",
                 *       "title": "Homogenic",
                 *       "type": "album"
                 *     }
                 */
                "application/json": components["schemas"]["CreateRelease"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Release"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArtistStats: {
        parameters: {
            query?: {
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
                to?: string;
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUID (v7 for ids Chorus creates).
                         */
                        artist_id: string;
                        days: number;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        from: string;
                        /** @description Distinct listeners with at least one stream in the range (exact). */
                        listeners: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /** @description Distinct listeners with at least one stream in the 28 days ending at `to` (previous: ending at previous_to). */
                        monthly_listeners: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /** @description Milliseconds played, streams and skips together. */
                        ms_played: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /** @description Times a track was added to a playlist. */
                        playlist_adds: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        /** @description The named range, or custom. */
                        range: string;
                        /** @description Tracks saved (loved) by listeners, counted on the day of the save. */
                        saves: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /** @description skips / (streams + skips). */
                        skip_rate: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            previous: number | null;
                            value: number | null;
                        };
                        /** @description Plays shorter than 30 seconds. */
                        skips: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /** @description Plays of at least 30 seconds. */
                        streams: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        to: string;
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArtistStatsAudience: {
        parameters: {
            query: {
                /** @description The listener attribute to break the audience down by. */
                dimension: "country" | "age" | "gender";
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
                to?: string;
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUID (v7 for ids Chorus creates).
                         */
                        artist_id: string;
                        cells: ({
                            listener_share: number | null;
                            /** @description Distinct listeners shown under this value in the range (at least k). */
                            listeners: number;
                            stream_share: number | null;
                            /** @description Streams of the days this value is shown on. */
                            streams: number;
                            value: string;
                        } | {
                            /** @enum {boolean} */
                            suppressed: true;
                            value: string;
                        })[];
                        days: number;
                        dimension: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        from: string;
                        /** @description Minimum distinct listeners a value needs on a day to be shown for that day. */
                        k: number;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        /** @description The named range, or custom. */
                        range: string;
                        /** @description Age and gender values listed as suppressed. */
                        suppressed_cells: number;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        to: string;
                        /** @description Distinct listeners in the range, exact (as /stats gives them). */
                        total_listeners: number;
                        /** @description Streams in the range, exact. */
                        total_streams: number;
                        /** @description Listeners of the range who are shown under no value. */
                        unattributed_listeners: number;
                        /** @description Streams of the range counted under no value. */
                        unattributed_streams: number;
                        /** @description True when the range has listeners but no value can be shown. */
                        withheld: boolean;
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArtistStatsForecast: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
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
                        /**
                         * Format: uuid
                         * @description A UUID (v7 for ids Chorus creates).
                         */
                        artist_id: string;
                        /**
                         * Format: date
                         * @description The last complete UTC day of history the forecast saw.
                         */
                        as_of: string;
                        /**
                         * Format: date-time
                         * @description RFC 3339, UTC.
                         */
                        computed_at: string;
                        horizon_days: number;
                        /** @description Coverage of the prediction intervals, e.g. 0.8. */
                        level: number;
                        /** @description The model and its fitted parameters. */
                        method: string;
                        /** @description One per day, starting the day after as_of. */
                        points: {
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD.
                             */
                            day: string;
                            /** @description Lower bound of the prediction interval. */
                            lower: number;
                            /** @description Expected streams that day. */
                            streams: number;
                            /** @description Upper bound of the prediction interval. */
                            upper: number;
                        }[];
                        total: {
                            /** @description Lower bound of the prediction interval. */
                            lower: number;
                            /** @description Expected streams over the whole horizon. */
                            streams: number;
                            /** @description Upper bound of the prediction interval. */
                            upper: number;
                        };
                    };
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArtistStatsLive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream; each event is `event: streams` with a JSON `data:` line. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArtistStatsPlaylists: {
        parameters: {
            query?: {
                /** @description Opaque; from a previous answer. */
                cursor?: string;
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Default 20, at most 100. */
                limit?: number;
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
                to?: string;
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUID (v7 for ids Chorus creates).
                         */
                        artist_id: string;
                        days: number;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        from: string;
                        /** @description Public playlists, most streams first; the private_or_unknown row (private playlists and unknown ids together) comes last, on the first page, when it has streams. */
                        items: ({
                            collaborative: boolean;
                            /** @description Collaborators who can add tracks: the owner, editors and contributors. */
                            curators: number;
                            name: string;
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            playlist_id: string;
                            streams: number;
                        } | {
                            /** @enum {boolean} */
                            private_or_unknown: true;
                            streams: number;
                        })[];
                        next_cursor: string | null;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        /** @description The named range, or custom. */
                        range: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        to: string;
                        /** @description Streams from every playlist context in the range. */
                        total_streams: number;
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArtistStatsSources: {
        parameters: {
            query?: {
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
                to?: string;
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUID (v7 for ids Chorus creates).
                         */
                        artist_id: string;
                        days: number;
                        families: {
                            family: string;
                            previous_share: number | null;
                            previous_streams: number;
                            share: number | null;
                            sources: string[];
                            streams: number;
                        }[];
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        from: string;
                        /** @description Streams by partner kind, every kind listed (automotive, telecom, device, app, unverified, none), for the range and the previous period. */
                        partner_kinds: {
                            /** @description automotive, telecom, device or app: streams submitted with the access token of a partner app of that kind (verified from the app registry); unverified: streams whose client claims a partner context or a car, speaker or tv platform without a partner app's token; none: every other stream. */
                            kind: string;
                            previous_share: number | null;
                            previous_streams: number;
                            share: number | null;
                            streams: number;
                            /** @description True for the partner kinds, whose attribution comes from a partner app token. */
                            verified: boolean;
                        }[];
                        /** @description Verified streams per named partner in the range, most streams first, under the same day-cell k-anonymity as the audience (judged within each partner kind): a partner with nothing shown is {partner_id, name, kind, suppressed: true}, after those shown. */
                        partners: ({
                            kind: string;
                            /** @description Distinct listeners on the days this partner is shown (at least k). */
                            listeners: number;
                            name: string | null;
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            partner_id: string;
                            share: number | null;
                            /** @description Verified streams through this partner on the days it is shown. */
                            streams: number;
                        } | {
                            kind: string;
                            name: string | null;
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            partner_id: string;
                            /** @enum {boolean} */
                            suppressed: true;
                        })[];
                        /** @description The k of the named-partner breakdown. */
                        partners_k: number;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        previous_total_streams: number;
                        /** @description The named range, or custom. */
                        range: string;
                        sources: {
                            previous_share: number | null;
                            previous_streams: number;
                            share: number | null;
                            source: string;
                            streams: number;
                        }[];
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        to: string;
                        total_streams: number;
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArtistStatsTimeseries: {
        parameters: {
            query?: {
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Default day. Weeks are ISO weeks (Monday to Sunday), months calendar months, UTC. */
                granularity?: "day" | "week" | "month";
                /** @description Default streams. listeners = distinct listeners within each bucket. */
                metric?: "streams" | "listeners" | "skips" | "saves" | "playlist_adds" | "ms_played";
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
                to?: string;
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUID (v7 for ids Chorus creates).
                         */
                        artist_id: string;
                        days: number;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        from: string;
                        granularity: string;
                        metric: string;
                        /** @description Every bucket of the range in order, zero-filled; start and end are clipped to the range. */
                        points: {
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD.
                             */
                            end: string;
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD.
                             */
                            start: string;
                            value: number;
                        }[];
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        /** @description The named range, or custom. */
                        range: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        to: string;
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArtistStatsTracks: {
        parameters: {
            query?: {
                /** @description Opaque; from a previous answer. */
                cursor?: string;
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Default 20, at most 100. */
                limit?: number;
                /** @description Default desc; ties are ordered by title, then id. */
                order?: "desc" | "asc";
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description Default streams. Tracks without plays have no skip rate and sort last. */
                sort?: "streams" | "listeners" | "skips" | "saves" | "skip_rate";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
                to?: string;
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUID (v7 for ids Chorus creates).
                         */
                        artist_id: string;
                        days: number;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        from: string;
                        items: {
                            /** @description Distinct listeners of the track in the range. */
                            listeners: number;
                            ms_played: number;
                            playlist_adds: number;
                            saves: number;
                            skip_rate: number | null;
                            skips: number;
                            streams: number;
                            title: string;
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            track_id: string;
                        }[];
                        next_cursor: string | null;
                        order: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        /** @description The named range, or custom. */
                        range: string;
                        sort: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        to: string;
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArtistWebhooks: {
        parameters: {
            query?: {
                /** @description Opaque; from a previous answer. */
                cursor?: string;
                /** @description Default 20, at most 100. */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
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
                        items: components["schemas"]["WebhookEndpoint"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postArtistWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A note for the team, e.g. what receives the events. */
                    description?: string;
                    /** @description Default true. */
                    enabled?: boolean;
                    /** @description The event types to receive (GET /v1/webhook-event-types lists them). */
                    event_types: ("insight.created" | "milestone.reached" | "track.playlisted" | "stats.daily" | "connection.created" | "connection.revoked" | "playlist.updated")[];
                    /** @description Where events are POSTed: https, on a public address (checked again after DNS at every delivery; redirects are not followed). */
                    url: string;
                };
            };
        };
        responses: {
            /** @description A new endpoint with its signing secret, shown this once. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointCreated"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArtistWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A URL that receives signed events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteArtistWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchArtistWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A note for the team, e.g. what receives the events. */
                    description?: string;
                    /** @description false pauses deliveries; true re-enables an endpoint, also one disabled for failing. */
                    enabled?: boolean;
                    /** @description The event types to receive (GET /v1/webhook-event-types lists them). */
                    event_types?: ("insight.created" | "milestone.reached" | "track.playlisted" | "stats.daily" | "connection.created" | "connection.revoked" | "playlist.updated")[];
                    /** @description Where events are POSTed: https, on a public address (checked again after DNS at every delivery; redirects are not followed). */
                    url?: string;
                };
            };
        };
        responses: {
            /** @description A URL that receives signed events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArtistWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Opaque; from a previous answer. */
                cursor?: string;
                /** @description Only deliveries of this event type. */
                event_type?: "insight.created" | "milestone.reached" | "track.playlisted" | "stats.daily" | "connection.created" | "connection.revoked" | "playlist.updated" | "ping";
                /** @description Default 20, at most 100. */
                limit?: number;
                /** @description Only deliveries in this state. */
                outcome?: "pending" | "succeeded" | "failed";
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                webhook_id: string;
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
                        items: components["schemas"]["WebhookDelivery"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postArtistWebhookDeliveryRedeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                delivery_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One event sent to one endpoint, and its attempts. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postArtistWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new signing secret; until previous_secret_expires_at each event carries a signature by each secret. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecret"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postArtistWebhookTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One event sent to one endpoint, and its attempts. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "password": "correct horse battery"
                 *     }
                 */
                "application/json": components["schemas"]["Login"];
            };
        };
        responses: {
            /** @description An OAuth 2.0 token response (RFC 6749, section 5.1). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "refresh_token": "q3Vb9yM2lO7bX0cS1vJ8aKq6m8wY3n4tF5uE2rD1hZg"
                 *     }
                 */
                "application/json": components["schemas"]["Refresh"];
            };
        };
        responses: {
            /** @description Logged out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthRefresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "refresh_token": "q3Vb9yM2lO7bX0cS1vJ8aKq6m8wY3n4tF5uE2rD1hZg"
                 *     }
                 */
                "application/json": components["schemas"]["Refresh"];
            };
        };
        responses: {
            /** @description An OAuth 2.0 token response (RFC 6749, section 5.1). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuthSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the browser session cookie says, without failing when there is none. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionState"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "password": "correct horse battery"
                 *     }
                 */
                "application/json": components["schemas"]["Login"];
            };
        };
        responses: {
            /** @description A signed-in browser session: who it is for. Its tokens are in httpOnly cookies, never in the body. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteAuthSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthSessionRefresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A signed-in browser session: who it is for. Its tokens are in httpOnly cookies, never in the body. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthSignup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "birth_year": 1990,
                 *       "country": "SE",
                 *       "display_name": "Ada",
                 *       "email": "ada@example.com",
                 *       "gender": "female",
                 *       "handle": "ada",
                 *       "password": "correct horse battery"
                 *     }
                 */
                "application/json": components["schemas"]["Signup"];
            };
        };
        responses: {
            /** @description The tokens a log-in answers, and the new account. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignupResponse"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInsightsProductDiversity: {
        parameters: {
            query?: {
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Artists with at least one stream in the range. */
                        artists: number;
                        days: number;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        /** @description The named range, or custom. */
                        range: string;
                        /** @description Share of streams going to artists outside the top 1% of artists by streams in the range. */
                        share_outside_top: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            previous: number | null;
                            value: number | null;
                        };
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        to: string;
                        /** @description How many artists the top 1% is: ceil(artists / 100), at least 1. */
                        top_artists: number;
                        total_streams: number;
                        /** @description The same per ISO week of the range (clipped to it), each with its own top 1%. */
                        weekly: {
                            artists: number;
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD.
                             */
                            end: string;
                            share_outside_top: number | null;
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD.
                             */
                            start: string;
                            top_artists: number;
                            total_streams: number;
                        }[];
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInsightsProductEngagement: {
        parameters: {
            query?: {
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Distinct listeners with at least one stream in the range. */
                        active_listeners: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /** @description Mean of the daily active listeners over the days of the range. */
                        average_dau: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            previous: number | null;
                            value: number | null;
                        };
                        /** @description Every day of the range, zero-filled. */
                        daily: {
                            dau: number;
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD.
                             */
                            day: string;
                            ms_played: number;
                            skips: number;
                            streams: number;
                        }[];
                        /** @description Daily active listeners: distinct listeners with at least one stream on `to` (previous: on previous_to). */
                        dau: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        days: number;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        from: string;
                        /** @description Distinct listeners with at least one stream in the 28 days ending at `to`. */
                        mau: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        /** @description The named range, or custom. */
                        range: string;
                        /** @description skips / (streams + skips) over every play of the range. */
                        skip_rate: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            previous: number | null;
                            value: number | null;
                        };
                        /** @description DAU / MAU. */
                        stickiness: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            previous: number | null;
                            value: number | null;
                        };
                        /** @description Streams in the range / active_listeners. */
                        streams_per_active_listener: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            previous: number | null;
                            value: number | null;
                        };
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        to: string;
                        /** @description Distinct listeners with at least one stream in the 7 days ending at `to`. */
                        wau: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInsightsProductIntegrity: {
        parameters: {
            query?: {
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
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
                    "application/json": components["schemas"]["ProductIntegrity"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInsightsProductPartnerConnections: {
        parameters: {
            query?: {
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Of the series; default day. Weeks are ISO weeks, months calendar months, UTC. */
                granularity?: "day" | "week" | "month";
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        days: number;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        from: string;
                        granularity: string;
                        /** @description Every partner kind, for the range and the previous period. */
                        kinds: {
                            /** @description Distinct listeners connected to at least one app of the kind at the end of `to`. */
                            connected_users: number;
                            /** @description The partner kind: automotive, telecom, device or app. */
                            kind: string;
                            /** @description Connections made to apps of partners of the kind in the range. */
                            new_connections: number;
                            /** @description The same at the end of previous_to. */
                            previous_connected_users: number;
                            previous_new_connections: number;
                            previous_revoked_connections: number;
                            /** @description Connections to those apps revoked in the range. */
                            revoked_connections: number;
                        }[];
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        /** @description The named range, or custom. */
                        range: string;
                        /** @description Every bucket of the range, in order, clipped to it; every partner kind in each. */
                        series: {
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD.
                             */
                            end: string;
                            kinds: {
                                /** @description Distinct listeners with at least one new connection to an app of the kind in the bucket. */
                                cohort: number;
                                /** @description At the end of the bucket’s last day. */
                                connected_users: number;
                                kind: string;
                                new_connections: number;
                                retained_7d: number | null;
                                retained_28d: number | null;
                                retention_7d: number | null;
                                retention_28d: number | null;
                                revoked_connections: number;
                            }[];
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD.
                             */
                            start: string;
                        }[];
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        to: string;
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInsightsProductPartnerKinds: {
        parameters: {
            query?: {
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Of the series; default day. Weeks are ISO weeks, months calendar months, UTC. */
                granularity?: "day" | "week" | "month";
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        days: number;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        from: string;
                        granularity: string;
                        /** @description Every partner kind with its streams and share, for the range and the previous period. */
                        kinds: {
                            /** @description automotive, telecom, device or app: streams submitted with the access token of a partner app of that kind (verified from the app registry); unverified: streams whose client claims a partner context or a car, speaker or tv platform without a partner app's token; none: every other stream. */
                            kind: string;
                            previous_share: number | null;
                            previous_streams: number;
                            share: number | null;
                            streams: number;
                            /** @description True for the partner kinds, whose attribution comes from a partner app token. */
                            verified: boolean;
                        }[];
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        previous_total_streams: number;
                        /** @description The named range, or custom. */
                        range: string;
                        /** @description Every bucket of the range, in order, clipped to it; each kind with its share of the bucket’s streams. */
                        series: {
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD.
                             */
                            end: string;
                            kinds: {
                                kind: string;
                                share: number | null;
                                streams: number;
                            }[];
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD.
                             */
                            start: string;
                            total_streams: number;
                        }[];
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        to: string;
                        total_streams: number;
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInsightsProductPlatforms: {
        parameters: {
            query?: {
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        days: number;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        from: string;
                        partner: {
                            /** @description Streams played through partner integrations (context partner). */
                            context: {
                                previous_share: number | null;
                                previous_streams: number;
                                share: number | null;
                                streams: number;
                            };
                            /** @description Streams on partner device platforms: car, speaker and tv. */
                            devices: {
                                previous_share: number | null;
                                previous_streams: number;
                                share: number | null;
                                streams: number;
                            };
                        };
                        platforms: {
                            platform: string;
                            previous_share: number | null;
                            previous_streams: number;
                            share: number | null;
                            streams: number;
                        }[];
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        previous_total_streams: number;
                        /** @description The named range, or custom. */
                        range: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        to: string;
                        total_streams: number;
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInsightsProductRetention: {
        parameters: {
            query?: {
                /** @description How many weekly cohorts (ending with the current ISO week) and weeks after sign-up; default 8. */
                cohorts?: number;
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cohorts: {
                            /** @description The same as counts of listeners. */
                            active: (number | null)[];
                            /** @description Index i is week i + 1 after sign-up: the share of the cohort with at least one stream in that ISO week; null until that week has ended, or for an empty cohort. */
                            retention: (number | null)[];
                            /** @description Users who signed up in that week. */
                            size: number;
                            /** @description ISO week of sign-up, e.g. 2026-W47. */
                            week: string;
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD.
                             */
                            week_start: string;
                        }[];
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        today: string;
                        weeks: number;
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInsightsProductSources: {
        parameters: {
            query?: {
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What collaborative playlists contribute: the collaborative_playlist source. */
                        collaborative_playlists: {
                            previous_share: number | null;
                            previous_streams: number;
                            share: number | null;
                            streams: number;
                        };
                        days: number;
                        families: {
                            family: string;
                            previous_share: number | null;
                            previous_streams: number;
                            share: number | null;
                            sources: string[];
                            streams: number;
                        }[];
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        previous_total_streams: number;
                        /** @description The named range, or custom. */
                        range: string;
                        sources: {
                            previous_share: number | null;
                            previous_streams: number;
                            share: number | null;
                            source: string;
                            streams: number;
                        }[];
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        to: string;
                        total_streams: number;
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInsightsProductTrends: {
        parameters: {
            query: {
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description Default 20, at most 100. */
                limit?: number;
                /** @description ISO 3166-1 alpha-2 country of the listeners. */
                market: string;
                /** @description Minimum streams in the market in the last 7 days; default 100. */
                min_streams?: number;
                /** @description The last day of the current 7 days; default today (UTC). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        alpha: number;
                        artists: {
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            artist_id: string;
                            artist_name: string;
                            change: number | null;
                            /** @description Streams in the market in the last 7 days. */
                            current: number;
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            id: string;
                            name: string;
                            /** @description One-sided p-value of the conditional binomial test. */
                            p_value: number;
                            /** @description Streams in the market in the 7 days before. */
                            previous: number;
                        }[];
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        current_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        current_to: string;
                        market: string;
                        min_streams: number;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        tracks: {
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            artist_id: string;
                            artist_name: string;
                            change: number | null;
                            /** @description Streams in the market in the last 7 days. */
                            current: number;
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            id: string;
                            name: string;
                            /** @description One-sided p-value of the conditional binomial test. */
                            p_value: number;
                            /** @description Streams in the market in the 7 days before. */
                            previous: number;
                        }[];
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postListens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "listens": [
                 *         {
                 *           "context": {
                 *             "id": "0193f2c4-8b1e-7c2a-9d4f-1a2b3c4d5e6f",
                 *             "type": "playlist"
                 *           },
                 *           "isrc": "SEXYZ2600001",
                 *           "listened_at": "2026-11-26T08:15:00Z",
                 *           "ms_played": 183000,
                 *           "platform": "ios"
                 *         },
                 *         {
                 *           "artist_name": "Björk",
                 *           "listened_at": "2026-11-26T08:18:03Z",
                 *           "ms_played": 12000,
                 *           "platform": "ios",
                 *           "track_name": "Jóga"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["SubmitListens"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmitListensResult"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An account as its owner (or a platform admin) sees it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteMe: {
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
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "handle": "ada-l",
                 *       "listens_public": true
                 *     }
                 */
                "application/json": components["schemas"]["UpdateMe"];
            };
        };
        responses: {
            /** @description An account as its owner (or a platform admin) sees it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeArtists: {
        parameters: {
            query?: {
                /** @description Opaque; from a previous answer. */
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
                    "application/json": components["schemas"]["MyArtistPage"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeConnections: {
        parameters: {
            query?: {
                /** @description Opaque; from a previous answer. */
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
                    "application/json": components["schemas"]["ConnectionPage"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteMeConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app’s OAuth client id. */
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Disconnected. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeExport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One JSON object per line: profile, listens, feedback, tokens. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": unknown;
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": components["schemas"]["Problem"];
                };
            };
        };
    };
    putMeFeedback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                track_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    score: 1 | 0 | -1;
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
                        score: number;
                        /**
                         * Format: uuid
                         * @description A UUID (v7 for ids Chorus creates).
                         */
                        track_id: string;
                    };
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeListens: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                /** @description Only listens that match no catalog track yet. */
                unmatched?: boolean;
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
                    "application/json": components["schemas"]["ListenPage"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteMeListens: {
        parameters: {
            query?: {
                from?: string;
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
                    "application/json": {
                        deleted: number;
                    };
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeNowPlaying: {
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
                        /** @description The partner app whose access token set this (from the app registry, never the client's claim); null for first-party clients. */
                        app?: {
                            device_class: string | null;
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            id: string;
                            name: string;
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            partner_id: string;
                            partner_kind: string;
                        } | null;
                        artist_name: string | null;
                        client: string | null;
                        /** Format: date-time */
                        expires_at: string;
                        platform: string;
                        release_name: string | null;
                        /** Format: date-time */
                        started_at: string;
                        track: {
                            artist: {
                                /**
                                 * Format: uuid
                                 * @description A UUID (v7 for ids Chorus creates).
                                 */
                                id: string;
                                name: string;
                            };
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            id: string;
                            title: string;
                        } | null;
                        track_name: string | null;
                    };
                };
            };
            /** @description Nothing is playing. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putMeNowPlaying: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "client": "Volvo Sensus",
                 *       "platform": "car",
                 *       "position_ms": 0,
                 *       "track_id": "0193f2c4-8b1e-7c2a-9d4f-1a2b3c4d5e6f"
                 *     }
                 */
                "application/json": {
                    artist_name?: string;
                    client?: string;
                    /** @description ISRC, 12 characters. */
                    isrc?: string;
                    platform: "ios" | "android" | "web" | "desktop" | "car" | "speaker" | "tv" | "other";
                    position_ms?: number;
                    release_name?: string;
                    /**
                     * Format: uuid
                     * @description A UUID (v7 for ids Chorus creates).
                     */
                    track_id?: string;
                    track_name?: string;
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
                        /** @description The partner app whose access token set this (from the app registry, never the client's claim); null for first-party clients. */
                        app?: {
                            device_class: string | null;
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            id: string;
                            name: string;
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            partner_id: string;
                            partner_kind: string;
                        } | null;
                        artist_name: string | null;
                        client: string | null;
                        /** Format: date-time */
                        expires_at: string;
                        platform: string;
                        release_name: string | null;
                        /** Format: date-time */
                        started_at: string;
                        track: {
                            artist: {
                                /**
                                 * Format: uuid
                                 * @description A UUID (v7 for ids Chorus creates).
                                 */
                                id: string;
                                name: string;
                            };
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            id: string;
                            title: string;
                        } | null;
                        track_name: string | null;
                    };
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteMeNowPlaying: {
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
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMePartnerInvitations: {
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
                    "application/json": components["schemas"]["MyPartnerInvitationList"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postMePartnerInvitationAccept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A partner organisation; `role` is yours on its team (null for a platform admin who is not on it). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Partner"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postMePartnerInvitationDecline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMePlaylistInvitations: {
        parameters: {
            query?: {
                /** @description Opaque; from a previous answer. */
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
                    "application/json": components["schemas"]["MyPlaylistInvitationPage"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteMePlaylistInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Declined. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postMePlaylistInvitationAccept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
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
                    "application/json": components["schemas"]["PlaylistInviteAccepted"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMePlaylists: {
        parameters: {
            query?: {
                /** @description Opaque; from a previous answer. */
                cursor?: string;
                limit?: number;
                relation?: "owned" | "collaborating" | "followed";
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
                    "application/json": components["schemas"]["MyPlaylistPage"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeTeamInvitations: {
        parameters: {
            query?: {
                /** @description Opaque; from a previous answer. */
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
                    "application/json": components["schemas"]["MyArtistInvitationPage"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postMeTeamInvitationAccept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
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
                    "application/json": components["schemas"]["MyArtist"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postMeTeamInvitationDecline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Declined. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeTokens: {
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
                    "application/json": components["schemas"]["PersonalTokenPage"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postMeTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePersonalToken"];
            };
        };
        responses: {
            /** @description A new personal API token. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonalTokenCreated"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteMeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartners: {
        parameters: {
            query?: {
                /** @description Opaque; from a previous answer. */
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
                    "application/json": components["schemas"]["PartnerPage"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPartners: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "automotive",
                 *       "name": "Volvo Cars",
                 *       "website_url": "https://www.volvocars.com"
                 *     }
                 */
                "application/json": components["schemas"]["CreatePartner"];
            };
        };
        responses: {
            /** @description A partner organisation; `role` is yours on its team (null for a platform admin who is not on it). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Partner"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A partner organisation; `role` is yours on its team (null for a platform admin who is not on it). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Partner"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchPartner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        /** @description At least one field. Changing the name, kind or website of a verified partner withdraws its verification until a platform admin verifies it again. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "website_url": "https://developer.volvocars.com"
                 *     }
                 */
                "application/json": components["schemas"]["UpdatePartner"];
            };
        };
        responses: {
            /** @description A partner organisation; `role` is yours on its team (null for a platform admin who is not on it). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Partner"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnerApps: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every app of the partner (at most 25): one page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerAppList"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPartnerApps: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        /** @description device_class is needed with the device_code grant; client_credentials needs a confidential client. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "client_type": "public",
                 *       "device_class": "car",
                 *       "grant_types": [
                 *         "urn:ietf:params:oauth:grant-type:device_code",
                 *         "refresh_token"
                 *       ],
                 *       "name": "Volvo Sensus Music",
                 *       "scopes": [
                 *         "listens:write",
                 *         "playlists:read"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreatePartnerApp"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerAppCreated"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnerApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                app_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A partner app (an OAuth client) in the registry. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerApp"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deletePartnerApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                app_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchPartnerApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                app_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        /** @description At least one field; null clears description, logo_url or device_class; arrays replace. The client type cannot change: register a new app instead. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "redirect_uris": [
                 *         "https://app.example.com/callback",
                 *         "http://127.0.0.1/callback"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["UpdatePartnerApp"];
            };
        };
        responses: {
            /** @description A partner app (an OAuth client) in the registry. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerApp"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnerAppAllowList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                app_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The people a development-mode app may serve besides the partner's own members (who are allowed implicitly and not counted). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppAllowList"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPartnerAppAllowList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                app_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "handle": "ada-lovelace"
                 *     }
                 */
                "application/json": components["schemas"]["AllowAppUser"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllowedAppUser"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deletePartnerAppAllowList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                app_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPartnerAppReviewRequests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                app_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "note": "Ready for launch in our 2027 models; test account on the allow-list."
                 *     }
                 */
                "application/json": components["schemas"]["AppReviewRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppReview"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnerAppReviews: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                app_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The app’s review history, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppReviewList"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPartnerAppSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                app_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The previous secret keeps working until previous_valid_until, so deployments can switch over. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientSecretRotated"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnerAppUsage: {
        parameters: {
            query?: {
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description A UTC calendar day, YYYY-MM-DD. */
                to?: string;
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                app_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Requests per UTC day and route group; counted within seconds of each request. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppUsage"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnerAppWebhooks: {
        parameters: {
            query?: {
                /** @description Opaque; from a previous answer. */
                cursor?: string;
                /** @description Default 20, at most 100. */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                app_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
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
                        items: components["schemas"]["WebhookEndpoint"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPartnerAppWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                app_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A note for the team, e.g. what receives the events. */
                    description?: string;
                    /** @description Default true. */
                    enabled?: boolean;
                    /** @description The event types to receive (GET /v1/webhook-event-types lists them). */
                    event_types: ("insight.created" | "milestone.reached" | "track.playlisted" | "stats.daily" | "connection.created" | "connection.revoked" | "playlist.updated")[];
                    /** @description Where events are POSTed: https, on a public address (checked again after DNS at every delivery; redirects are not followed). */
                    url: string;
                };
            };
        };
        responses: {
            /** @description A new endpoint with its signing secret, shown this once. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointCreated"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnerAppWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                app_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A URL that receives signed events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deletePartnerAppWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                app_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchPartnerAppWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                app_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A note for the team, e.g. what receives the events. */
                    description?: string;
                    /** @description false pauses deliveries; true re-enables an endpoint, also one disabled for failing. */
                    enabled?: boolean;
                    /** @description The event types to receive (GET /v1/webhook-event-types lists them). */
                    event_types?: ("insight.created" | "milestone.reached" | "track.playlisted" | "stats.daily" | "connection.created" | "connection.revoked" | "playlist.updated")[];
                    /** @description Where events are POSTed: https, on a public address (checked again after DNS at every delivery; redirects are not followed). */
                    url?: string;
                };
            };
        };
        responses: {
            /** @description A URL that receives signed events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnerAppWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Opaque; from a previous answer. */
                cursor?: string;
                /** @description Only deliveries of this event type. */
                event_type?: "insight.created" | "milestone.reached" | "track.playlisted" | "stats.daily" | "connection.created" | "connection.revoked" | "playlist.updated" | "ping";
                /** @description Default 20, at most 100. */
                limit?: number;
                /** @description Only deliveries in this state. */
                outcome?: "pending" | "succeeded" | "failed";
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                app_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                webhook_id: string;
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
                        items: components["schemas"]["WebhookDelivery"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPartnerAppWebhookDeliveryRedeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                app_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                delivery_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One event sent to one endpoint, and its attempts. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPartnerAppWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                app_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new signing secret; until previous_secret_expires_at each event carries a signature by each secret. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecret"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPartnerAppWebhookTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                app_id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One event sent to one endpoint, and its attempts. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnerInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
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
                    "application/json": components["schemas"]["PartnerInvitationList"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPartnerInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "handle": "ada-lovelace",
                 *       "role": "developer"
                 *     }
                 */
                "application/json": components["schemas"]["InvitePartnerMember"];
            };
        };
        responses: {
            /** @description An open invitation to join the team, as its admins see it. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerInvitation"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deletePartnerInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                invitation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnerMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole team (at most 50 people with open invitations): one page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerMemberList"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deletePartnerMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchPartnerMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "role": "admin"
                 *     }
                 */
                "application/json": components["schemas"]["ChangePartnerMember"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerMember"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnerStats: {
        parameters: {
            query?: {
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
                to?: string;
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Connected users: distinct listeners with a live connection (an OAuth approval not since revoked) to at least one of the partner's apps; a listener connected at the end of a UTC day was connected before the day ended and had not revoked by then; value at the end of `to`, previous at the end of previous_to. Exact; a listener connected to two of the apps counts once. */
                        connected_users: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        days: number;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        from: string;
                        /** @description Distinct listeners with at least one such stream in the range (exact). */
                        listeners: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /** @description Distinct listeners with at least one such stream in the 28 days ending at `to` (previous: ending at previous_to). */
                        monthly_listeners: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /** @description Milliseconds played, streams and skips together. */
                        ms_played: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /** @description Connections made to the partner's apps in the range. A connection is counted when a listener approves an app (again after revoking it; approving an app they are connected to is not a new connection) and counted as revoked when they disconnect it. Counts only: no listener is named. */
                        new_connections: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /**
                         * Format: uuid
                         * @description A UUID (v7 for ids Chorus creates).
                         */
                        partner_id: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        /** @description The named range, or custom. */
                        range: string;
                        /** @description Connections to the partner's apps revoked (disconnected by the listener) in the range. */
                        revoked_connections: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /** @description skips / (streams + skips). */
                        skip_rate: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            previous: number | null;
                            value: number | null;
                        };
                        /** @description Plays shorter than 30 seconds. */
                        skips: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /** @description Plays of at least 30 seconds submitted with the partner's app tokens. */
                        streams: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        to: string;
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnerStatsApps: {
        parameters: {
            query?: {
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
                to?: string;
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Per app and device class with plays in the range or the previous period; most streams first, ties by app id. */
                        apps: {
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            app_id: string;
                            /** @description The app's device class when the listens were submitted: car, speaker, tv, wearable, other, or unspecified. */
                            device_class: string;
                            /** @description Distinct listeners with at least one stream in the range (exact). */
                            listeners: number;
                            ms_played: number;
                            name: string | null;
                            /** @description Streams in the previous period. */
                            previous_streams: number;
                            skip_rate: number | null;
                            skips: number;
                            streams: number;
                        }[];
                        /** @description Per app of the partner (every app registered now, zeros included): connections. A connection is counted when a listener approves an app (again after revoking it; approving an app they are connected to is not a new connection) and counted as revoked when they disconnect it. Counts only: no listener is named. Most connected users first, ties by app id. */
                        connections: {
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            app_id: string;
                            /** @description Listeners connected to the app at the end of `to`. */
                            connected_users: number;
                            name: string;
                            /** @description Connections made to the app in the range. */
                            new_connections: number;
                            /** @description At the end of previous_to. */
                            previous_connected_users: number;
                            previous_new_connections: number;
                            previous_revoked_connections: number;
                            /** @description Connections to the app revoked in the range. */
                            revoked_connections: number;
                        }[];
                        days: number;
                        /** @description Per device class over all of the partner's apps (a listener on two apps of a class counts once), most streams first. */
                        device_classes: {
                            device_class: string;
                            /** @description Distinct listeners with at least one stream in the range (exact). */
                            listeners: number;
                            ms_played: number;
                            /** @description Streams in the previous period. */
                            previous_streams: number;
                            skip_rate: number | null;
                            skips: number;
                            streams: number;
                        }[];
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        from: string;
                        /**
                         * Format: uuid
                         * @description A UUID (v7 for ids Chorus creates).
                         */
                        partner_id: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        /** @description The named range, or custom. */
                        range: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        to: string;
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnerStatsAudience: {
        parameters: {
            query: {
                /** @description The listener attribute to break the audience down by. */
                dimension: "country" | "age" | "gender";
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
                to?: string;
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cells: ({
                            listener_share: number | null;
                            /** @description Distinct listeners shown under this value in the range (at least k). */
                            listeners: number;
                            stream_share: number | null;
                            /** @description Streams of the days this value is shown on. */
                            streams: number;
                            value: string;
                        } | {
                            /** @enum {boolean} */
                            suppressed: true;
                            value: string;
                        })[];
                        days: number;
                        dimension: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        from: string;
                        /** @description Minimum distinct listeners a value needs on a day to be shown for that day. */
                        k: number;
                        /**
                         * Format: uuid
                         * @description A UUID (v7 for ids Chorus creates).
                         */
                        partner_id: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        /** @description The named range, or custom. */
                        range: string;
                        /** @description Age and gender values listed as suppressed. */
                        suppressed_cells: number;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        to: string;
                        /** @description Distinct listeners in the range, exact (as /stats gives them). */
                        total_listeners: number;
                        /** @description Streams in the range, exact. */
                        total_streams: number;
                        /** @description Listeners of the range who are shown under no value. */
                        unattributed_listeners: number;
                        /** @description Streams of the range counted under no value. */
                        unattributed_streams: number;
                        /** @description True when the range has listeners but no value can be shown. */
                        withheld: boolean;
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnerStatsLive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream; each event is `event: streams` with a JSON `data:` line. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnerStatsTimeseries: {
        parameters: {
            query?: {
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Default day. Weeks are ISO weeks (Monday to Sunday), months calendar months, UTC. */
                granularity?: "day" | "week" | "month";
                /** @description Default streams. listeners = distinct listeners within each bucket. new_connections and revoked_connections: connections of listeners to the partner's apps made and revoked in each bucket. connected_users: distinct listeners with a live connection (an OAuth approval not since revoked) to at least one of the partner's apps; a listener connected at the end of a UTC day was connected before the day ended and had not revoked by then at the end of each bucket's last day (clipped to the range). */
                metric?: "streams" | "listeners" | "skips" | "ms_played" | "new_connections" | "revoked_connections" | "connected_users";
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
                to?: string;
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        days: number;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        from: string;
                        granularity: string;
                        metric: string;
                        /**
                         * Format: uuid
                         * @description A UUID (v7 for ids Chorus creates).
                         */
                        partner_id: string;
                        /** @description Every bucket of the range in order, zero-filled; start and end are clipped to the range. */
                        points: {
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD.
                             */
                            end: string;
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD.
                             */
                            start: string;
                            value: number;
                        }[];
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        /** @description The named range, or custom. */
                        range: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        to: string;
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnerStatsTopArtists: {
        parameters: {
            query?: {
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Default 20, at most 100. */
                limit?: number;
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
                to?: string;
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        days: number;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        from: string;
                        /** @description Most streams first; ties by artist id. */
                        items: {
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            artist_id: string;
                            name: string | null;
                            share: number | null;
                            streams: number;
                        }[];
                        /**
                         * Format: uuid
                         * @description A UUID (v7 for ids Chorus creates).
                         */
                        partner_id: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        /** @description The named range, or custom. */
                        range: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        to: string;
                        /** @description Artists with at least one stream through the partner in the range. */
                        total_artists: number;
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnerStatsTopTracks: {
        parameters: {
            query?: {
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Default 20, at most 100. */
                limit?: number;
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
                to?: string;
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        days: number;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        from: string;
                        /** @description Most streams first; ties by track id. */
                        items: {
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            artist_id: string;
                            artist_name: string | null;
                            share: number | null;
                            streams: number;
                            title: string | null;
                            /**
                             * Format: uuid
                             * @description A UUID (v7 for ids Chorus creates).
                             */
                            track_id: string;
                        }[];
                        /**
                         * Format: uuid
                         * @description A UUID (v7 for ids Chorus creates).
                         */
                        partner_id: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        /** @description The named range, or custom. */
                        range: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        to: string;
                        /** @description Tracks with at least one stream through the partner in the range. */
                        total_tracks: number;
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPlaylistInvite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token from the invitation link. */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What accepting the invitation would give: the playlist, who owns it, the role offered, until when. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaylistInvitePreview"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPlaylistInviteAccept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token from the invitation link. */
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
                    "application/json": components["schemas"]["PlaylistInviteAccepted"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPlaylists: {
        parameters: {
            query?: never;
            header?: {
                /** @description The same key from the same user within 24 h answers the first result again. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePlaylist"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Playlist"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPlaylist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
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
                    "application/json": components["schemas"]["Playlist"];
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deletePlaylist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchPlaylist: {
        parameters: {
            query?: never;
            header?: {
                /** @description The snapshot the client saw ("*" or entity tags: the snapshot_id, or an ETag this API gave); a change on another snapshot answers 412, a header that names no snapshot 400 invalid_if_match. */
                "if-match"?: string;
            };
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePlaylist"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Playlist"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPlaylistActivity: {
        parameters: {
            query?: {
                /** @description Opaque; from a previous answer. */
                cursor?: string;
                limit?: number;
                order?: "asc" | "desc";
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
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
                    "application/json": components["schemas"]["PlaylistActivityPage"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPlaylistCollaborators: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
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
                    "application/json": components["schemas"]["CollaboratorPage"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPlaylistCollaborators: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        /** @description Exactly one of user_id (added at once, as before) and handle (invited: they join when they accept). */
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddCollaborator"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Collaborator"];
                };
            };
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaylistInvite"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deletePlaylistCollaborator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchPlaylistCollaborator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeCollaborator"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Collaborator"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPlaylistEvents: {
        parameters: {
            query?: never;
            header?: {
                /** @description The activity seq of the last event received. */
                "last-event-id"?: string;
            };
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/event-stream: `id` is the activity seq, `event` the change type, `data` the change as JSON (with snapshot_id). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putPlaylistFollowers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Following. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deletePlaylistFollowers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Not following. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPlaylistInvites: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
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
                    "application/json": components["schemas"]["PlaylistInvitePage"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPlaylistInvites: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePlaylistInvite"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaylistInviteCreated"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deletePlaylistInvite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                invite_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPlaylistItems: {
        parameters: {
            query?: {
                /** @description Opaque; from a previous answer. */
                cursor?: string;
                limit?: number;
                /** @description Instead of a cursor: start at this position. */
                offset?: number;
                /** @description position (default): playlist order; votes: by net votes. */
                sort?: "position" | "votes";
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
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
                    "application/json": components["schemas"]["PlaylistItemPage"];
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putPlaylistItems: {
        parameters: {
            query?: never;
            header?: {
                /** @description The snapshot the client saw ("*" or entity tags: the snapshot_id, or an ETag this API gave); a change on another snapshot answers 412, a header that names no snapshot 400 invalid_if_match. */
                "if-match"?: string;
            };
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        /** @description Either a reorder (range_start, insert_before, range_length) or a replace (track_ids). */
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplacePlaylistItems"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaylistSnapshot"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPlaylistItems: {
        parameters: {
            query?: never;
            header?: {
                /** @description The snapshot the client saw ("*" or entity tags: the snapshot_id, or an ETag this API gave); a change on another snapshot answers 412, a header that names no snapshot 400 invalid_if_match. */
                "if-match"?: string;
            };
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddPlaylistItems"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaylistItemsAdded"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deletePlaylistItems: {
        parameters: {
            query?: never;
            header?: {
                /** @description The snapshot the client saw ("*" or entity tags: the snapshot_id, or an ETag this API gave); a change on another snapshot answers 412, a header that names no snapshot 400 invalid_if_match. */
                "if-match"?: string;
            };
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        /** @description Exactly one of item_ids (those items) and track_ids (every occurrence of those tracks); with snapshot_id (or If-Match) only if that snapshot is current. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["RemovePlaylistItems"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaylistItemsRemoved"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPlaylistItemMove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                item_id: string;
            };
            cookie?: never;
        };
        /** @description Exactly one of before_item_id and after_item_id. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["MovePlaylistItem"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaylistItemMoved"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putPlaylistItemVote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                item_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Vote"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaylistItemVotes"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deletePlaylistItemVote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
                /** @description A UUID (v7 for ids Chorus creates). */
                item_id: string;
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
                    "application/json": components["schemas"]["PlaylistItemVotes"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPlaylistSuggestions: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
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
                    "application/json": components["schemas"]["PlaylistSuggestionList"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRelease: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
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
                    "application/json": components["schemas"]["Release"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postReleaseTracks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        /** @description release_date defaults to the release's; track_number to the next free one. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "credits": [
                 *         {
                 *           "artist_id": "01932c4e-7b1a-7000-8000-000000000001",
                 *           "role": "producer"
                 *         }
                 *       ],
                 *       "duration_ms": 305000,
                 *       "isrc": "GBAYE9700012",
                 *       "title": "Jóga"
                 *     }
                 */
                "application/json": components["schemas"]["CreateTrack"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Track"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSearch: {
        parameters: {
            query: {
                /** @description Per kind. */
                limit?: number;
                /** @description Case- and accent-insensitive; matched anywhere in names. */
                q: string;
                /** @description Comma list; default artist,release,track. */
                type?: string;
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
                    "application/json": components["schemas"]["SearchResults"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTrack: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
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
                    "application/json": components["schemas"]["Track"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchTrack: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        /** @description At least one field; credits replace the list; null isrc removes it. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "duration_ms": 306000
                 *     }
                 */
                "application/json": components["schemas"]["UpdateTrack"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Track"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTrackStats: {
        parameters: {
            query?: {
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
                to?: string;
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUID (v7 for ids Chorus creates).
                         */
                        artist_id: string;
                        days: number;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        from: string;
                        /** @description Distinct listeners with at least one stream in the range (exact). */
                        listeners: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /** @description Distinct listeners with at least one stream in the 28 days ending at `to` (previous: ending at previous_to). */
                        monthly_listeners: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /** @description Milliseconds played, streams and skips together. */
                        ms_played: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /** @description Times a track was added to a playlist. */
                        playlist_adds: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        /** @description The named range, or custom. */
                        range: string;
                        /** @description Tracks saved (loved) by listeners, counted on the day of the save. */
                        saves: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /** @description skips / (streams + skips). */
                        skip_rate: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            previous: number | null;
                            value: number | null;
                        };
                        /** @description Plays shorter than 30 seconds. */
                        skips: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /** @description Plays of at least 30 seconds. */
                        streams: {
                            change: number | null;
                            change_reason: ("no_data_in_previous_period" | "previous_period_before_first_data" | "no_previous_value" | "no_current_value") | null;
                            /** @description The same number of days right before the range. */
                            previous: number;
                            /** @description The range. */
                            value: number;
                        };
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        to: string;
                        /**
                         * Format: uuid
                         * @description A UUID (v7 for ids Chorus creates).
                         */
                        track_id: string;
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTrackStatsTimeseries: {
        parameters: {
            query?: {
                /** @description json or csv; instead of (and over) the Accept header. */
                format?: "json" | "csv";
                /** @description A UTC calendar day, YYYY-MM-DD. */
                from?: string;
                /** @description Default day. Weeks are ISO weeks (Monday to Sunday), months calendar months, UTC. */
                granularity?: "day" | "week" | "month";
                /** @description Default streams. listeners = distinct listeners within each bucket. */
                metric?: "streams" | "listeners" | "skips" | "saves" | "playlist_adds" | "ms_played";
                /** @description Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to. */
                range?: "24h" | "7d" | "28d" | "90d" | "365d" | "all";
                /** @description With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today. */
                to?: string;
            };
            header?: never;
            path: {
                /** @description A UUID (v7 for ids Chorus creates). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; as CSV with Accept: text/csv or format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUID (v7 for ids Chorus creates).
                         */
                        artist_id: string;
                        days: number;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        from: string;
                        granularity: string;
                        metric: string;
                        /** @description Every bucket of the range in order, zero-filled; start and end are clipped to the range. */
                        points: {
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD.
                             */
                            end: string;
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD.
                             */
                            start: string;
                            value: number;
                        }[];
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_from: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        previous_to: string;
                        /** @description The named range, or custom. */
                        range: string;
                        /**
                         * Format: date
                         * @description A UTC calendar day, YYYY-MM-DD.
                         */
                        to: string;
                        /**
                         * Format: uuid
                         * @description A UUID (v7 for ids Chorus creates).
                         */
                        track_id: string;
                    };
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match named the current ETag; no body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique and URL-safe: 2 to 32 lower-case letters, digits, `_` and `-`, starting with a letter or digit. */
                handle: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What anyone may see of a person. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookEventTypes: {
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
                        items: components["schemas"]["WebhookEventType"][];
                    };
                };
            };
            /** @description An RFC 9457 problem details object. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem details object. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    webhookConnectionCreated: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same in every attempt and redelivery, to drop duplicates by. */
                "webhook-id": string;
                /** @description Space-separated `v1,<signature>` entries; one must match. */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEventConnectionCreated"];
            };
        };
        responses: {
            /** @description Any 2xx answer within 10 seconds acknowledges the event. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (3xx, 4xx, 5xx), or none in time: the event is sent again on the retry schedule. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookConnectionRevoked: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same in every attempt and redelivery, to drop duplicates by. */
                "webhook-id": string;
                /** @description Space-separated `v1,<signature>` entries; one must match. */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEventConnectionRevoked"];
            };
        };
        responses: {
            /** @description Any 2xx answer within 10 seconds acknowledges the event. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (3xx, 4xx, 5xx), or none in time: the event is sent again on the retry schedule. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookInsightCreated: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same in every attempt and redelivery, to drop duplicates by. */
                "webhook-id": string;
                /** @description Space-separated `v1,<signature>` entries; one must match. */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEventInsightCreated"];
            };
        };
        responses: {
            /** @description Any 2xx answer within 10 seconds acknowledges the event. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (3xx, 4xx, 5xx), or none in time: the event is sent again on the retry schedule. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookMilestoneReached: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same in every attempt and redelivery, to drop duplicates by. */
                "webhook-id": string;
                /** @description Space-separated `v1,<signature>` entries; one must match. */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEventMilestoneReached"];
            };
        };
        responses: {
            /** @description Any 2xx answer within 10 seconds acknowledges the event. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (3xx, 4xx, 5xx), or none in time: the event is sent again on the retry schedule. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookPing: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same in every attempt and redelivery, to drop duplicates by. */
                "webhook-id": string;
                /** @description Space-separated `v1,<signature>` entries; one must match. */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEventPing"];
            };
        };
        responses: {
            /** @description Any 2xx answer within 10 seconds acknowledges the event. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (3xx, 4xx, 5xx), or none in time: the event is sent again on the retry schedule. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookPlaylistUpdated: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same in every attempt and redelivery, to drop duplicates by. */
                "webhook-id": string;
                /** @description Space-separated `v1,<signature>` entries; one must match. */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEventPlaylistUpdated"];
            };
        };
        responses: {
            /** @description Any 2xx answer within 10 seconds acknowledges the event. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (3xx, 4xx, 5xx), or none in time: the event is sent again on the retry schedule. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookStatsDaily: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same in every attempt and redelivery, to drop duplicates by. */
                "webhook-id": string;
                /** @description Space-separated `v1,<signature>` entries; one must match. */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEventStatsDaily"];
            };
        };
        responses: {
            /** @description Any 2xx answer within 10 seconds acknowledges the event. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (3xx, 4xx, 5xx), or none in time: the event is sent again on the retry schedule. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookTrackPlaylisted: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same in every attempt and redelivery, to drop duplicates by. */
                "webhook-id": string;
                /** @description Space-separated `v1,<signature>` entries; one must match. */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEventTrackPlaylisted"];
            };
        };
        responses: {
            /** @description Any 2xx answer within 10 seconds acknowledges the event. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (3xx, 4xx, 5xx), or none in time: the event is sent again on the retry schedule. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
