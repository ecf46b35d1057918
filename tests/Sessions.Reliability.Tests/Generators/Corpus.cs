namespace Sessions.Reliability.Tests.Generators;

/// <summary>Well-formed frames to mutate: one of each kind and status the engine sends (captured from a scripted turn), and each client frame.</summary>
public static class Corpus
{
    /// <summary>Engine to client: every event kind, as the local engine writes them.</summary>
    public static readonly string[] Events =
    {
        "{\"type\":\"message_posted\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"message_id\":\"msg_c8e6b6c8b1d960bee5462e64\",\"request_id\":\"r2\",\"data\":{\"message_id\":\"msg_c8e6b6c8b1d960bee5462e64\"}}",
        "{\"type\":\"participant_status\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"message_id\":\"msg_97cb75517f6ddfc0038f6b73\",\"seq\":2,\"data\":{\"participant_id\":\"agent-1\",\"status\":\"thinking\"}}",
        "{\"type\":\"thinking\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"message_id\":\"msg_97cb75517f6ddfc0038f6b73\",\"seq\":3,\"data\":{\"summary\":\"Reading 1 message(s) and working out what was asked.\"}}",
        "{\"type\":\"search_result\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"message_id\":\"msg_97cb75517f6ddfc0038f6b73\",\"seq\":4,\"data\":{\"query\":\"whales tool reauth approve count 2\",\"results\":[{\"title\":\"Result 1 for whales tool reauth approve count 2\",\"url\":\"https://example.com/search/1?q=whales%20tool%20reauth%20approve%20count%202\",\"snippet\":\"A made-up snippet about whales tool reauth approve count 2 (1 of 3).\"},{\"title\":\"Result 2 for whales tool reauth approve count 2\",\"url\":\"https://example.com/search/2?q=whales%20tool%20reauth%20approve%20count%202\",\"snippet\":\"A made-up snippet about whales tool reauth approve count 2 (2 of 3).\"},{\"title\":\"Result 3 for whales tool reauth approve count 2\",\"url\":\"https://example.com/search/3?q=whales%20tool%20reauth%20approve%20count%202\",\"snippet\":\"A made-up snippet about whales tool reauth approve count 2 (3 of 3).\"}]}}",
        "{\"type\":\"tool_call\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"message_id\":\"msg_97cb75517f6ddfc0038f6b73\",\"seq\":5,\"data\":{\"tool_call_id\":\"call_44ad65f7b6a48925\",\"tool_name\":\"lookup\",\"arguments\":{\"query\":\"whales tool reauth approve count 2\"},\"status\":\"started\"}}",
        "{\"type\":\"tool_call\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"message_id\":\"msg_97cb75517f6ddfc0038f6b73\",\"seq\":6,\"data\":{\"tool_call_id\":\"call_44ad65f7b6a48925\",\"tool_name\":\"lookup\",\"arguments\":{\"query\":\"whales tool reauth approve count 2\"},\"status\":\"completed\"}}",
        "{\"type\":\"tool_result\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"message_id\":\"msg_97cb75517f6ddfc0038f6b73\",\"seq\":7,\"data\":{\"tool_call_id\":\"call_44ad65f7b6a48925\",\"tool_name\":\"lookup\",\"result\":{\"answer\":42}}}",
        "{\"type\":\"reauth_request\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"message_id\":\"msg_97cb75517f6ddfc0038f6b73\",\"seq\":8,\"data\":{\"integration\":\"gmail\",\"auth_url\":\"https://auth.example.com/reauth/gmail\"}}",
        "{\"type\":\"participant_status\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"message_id\":\"msg_97cb75517f6ddfc0038f6b73\",\"seq\":9,\"data\":{\"participant_id\":\"agent-1\",\"status\":\"waiting_for_approval\"}}",
        "{\"type\":\"approval_request\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"message_id\":\"msg_97cb75517f6ddfc0038f6b73\",\"seq\":10,\"data\":{\"approval_id\":\"apr_bdc5350186ada768\",\"tool_name\":\"send_email\",\"tool_id\":\"tool_send_email\",\"arguments\":{\"to\":\"team@example.com\",\"subject\":\"Status update\"},\"reason\":\"Sending an email needs your approval.\"}}",
        "{\"type\":\"participant_status\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"message_id\":\"msg_97cb75517f6ddfc0038f6b73\",\"seq\":14,\"data\":{\"participant_id\":\"agent-1\",\"status\":\"typing\"}}",
        "{\"type\":\"message_streaming\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"message_id\":\"msg_97cb75517f6ddfc0038f6b73\",\"seq\":15,\"data\":{\"status\":\"streaming\"}}",
        "{\"type\":\"message_delta\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"message_id\":\"msg_97cb75517f6ddfc0038f6b73\",\"seq\":16,\"data\":{\"delta\":\"1\"}}",
        "{\"type\":\"participant_status\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"message_id\":\"msg_97cb75517f6ddfc0038f6b73\",\"seq\":18,\"data\":{\"participant_id\":\"agent-1\",\"status\":\"idle\"}}",
        "{\"type\":\"message_complete\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"message_id\":\"msg_97cb75517f6ddfc0038f6b73\",\"seq\":19,\"data\":{\"text\":\"1 2\",\"status\":\"complete\"}}",
        "{\"type\":\"messages_posted\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"request_id\":\"r4\",\"data\":{\"message_ids\":[\"msg_97e2721cc288fc3e566f6827\",\"msg_84f6cc1592ee7ecc3cf93a61\"]}}",
        "{\"type\":\"error\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"message_id\":\"msg_69c5bb7740ac88e3d4fea152\",\"seq\":22,\"data\":{\"error\":\"The scripted agent failed on request (the text says \\u0022fail\\u0022).\",\"code\":\"agent_error\",\"retryable\":false}}",
        "{\"type\":\"message_complete\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"message_id\":\"msg_69c5bb7740ac88e3d4fea152\",\"seq\":24,\"data\":{\"text\":\"\",\"status\":\"error\"}}",
        "{\"type\":\"session_created\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"request_id\":\"r1\",\"data\":{\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"agent_id\":\"agent-1\"}}",
        "{\"type\":\"session_connected\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"request_id\":\"r1\",\"data\":{\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"last_seq\":24,\"pending_approvals\":[\"apr_1\"]}}",
        "{\"type\":\"pong\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"request_id\":\"keepalive-1\"}",
        "{\"type\":\"error\",\"session_id\":\"8fed0c0e276ddc95ae9ac544\",\"request_id\":\"r9\",\"data\":{\"error\":\"Unknown frame type.\",\"code\":\"unknown_type\",\"retryable\":false}}",
    };

    /// <summary>Client to engine: every frame kind but the two that attach a connection, and one of an unknown kind.</summary>
    public static readonly string[] ClientFrames =
    {
        "{\"type\":\"ping\",\"request_id\":\"r1\"}",
        "{\"type\":\"post_message\",\"request_id\":\"r2\",\"data\":{\"message\":{\"content_type\":\"text\",\"text\":\"hello\"}}}",
        "{\"type\":\"post_messages\",\"request_id\":\"r3\",\"data\":{\"messages\":[{\"content_type\":\"text\",\"text\":\"a\"},{\"content_type\":\"file\",\"file\":{\"name\":\"a.txt\",\"mime_type\":\"text/plain\",\"data_base64\":\"aGk=\"}}]}}",
        "{\"type\":\"send_response\",\"request_id\":\"r4\",\"data\":{\"approval_id\":\"apr_1\",\"approved\":true,\"confirm\":{\"to\":\"a@example.com\"}}}",
        "{\"type\":\"send_response\",\"request_id\":\"r5\",\"data\":{\"approval_id\":\"apr_1\",\"approved\":false,\"deny_reason\":\"no\"}}",
        "{\"type\":\"terminate_session\",\"request_id\":\"r6\"}",
        "{\"type\":\"future_frame\",\"request_id\":\"r7\",\"data\":{\"x\":1}}",
    };
}
