package eu.eccp.notifications;

import java.util.UUID;

/** Published when a notice is stored; its delivery channels (e-mail, webhooks) listen to it. */
public record NoticeSent(UUID noticeId) {
}
