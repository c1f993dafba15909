@NullMarked
package eu.eccp.indicators.web;

import org.jspecify.annotations.NullMarked;
