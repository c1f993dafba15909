@NullMarked
package eu.eccp.notifications.internal;

import org.jspecify.annotations.NullMarked;
