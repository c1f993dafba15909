@NullMarked
package eu.eccp.audit.web;

import org.jspecify.annotations.NullMarked;
