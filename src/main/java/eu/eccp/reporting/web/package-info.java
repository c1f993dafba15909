@NullMarked
package eu.eccp.reporting.web;

import org.jspecify.annotations.NullMarked;
