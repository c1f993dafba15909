@NullMarked
package eu.eccp.notifications.web;

import org.jspecify.annotations.NullMarked;
